// Where reports are written: a file or standard output, in chunks, so a large
// estate's reports are streamed rather than built as one string.
import { closeSync, openSync, writeSync } from "node:fs";

export interface Sink {
  write(text: string): void;
  close(): Promise<void>;
}

/** Buffers up to 64 KiB and writes it to the file synchronously. */
export class FileSink implements Sink {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= 65_536) this.flush();
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(""));
    this.buffer = [];
    this.size = 0;
  }

  async close(): Promise<void> {
    this.flush();
    closeSync(this.fd);
  }
}

/** Writes to standard output, waiting for it to drain when its buffer is full. */
export class StdoutSink implements Sink {
  private pending: string[] = [];

  write(text: string): void {
    this.pending.push(text);
  }

  async close(): Promise<void> {
    for (const chunk of this.pending) {
      if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
    }
    this.pending = [];
  }
}

/** Collects everything in memory; for tests and small reports. */
export class StringSink implements Sink {
  private readonly chunks: string[] = [];
  write(text: string): void {
    this.chunks.push(text);
  }
  async close(): Promise<void> {}
  toString(): string {
    return this.chunks.join("");
  }
}
