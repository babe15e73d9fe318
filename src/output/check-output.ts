// `build --check`: compares the files a build would write with those in the
// output folder, without writing anything. SVG pictures depend on the browser
// and its fonts, so they are never compared.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { StringSink } from "../report/sink.js";
import { type OutputFile, readManifest } from "./write-output.js";

export interface StaleFile {
  path: string;
  reason: "differs" | "missing" | "no longer produced";
}

const compared = (path: string) => !path.endsWith(".svg");

/** Returns the bytes a file would have on disk. */
export function contentBytes(file: OutputFile): Buffer {
  if (typeof file.content === "string") return Buffer.from(file.content, "utf8");
  if (Buffer.isBuffer(file.content)) return file.content;
  const sink = new StringSink();
  file.content(sink);
  return Buffer.from(sink.toString(), "utf8");
}

/** Lists the files in `outDir` that differ from `files`, are missing, or would be removed; sorted by path. */
export function findStaleFiles(outDir: string, files: OutputFile[]): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const file of files.filter((candidate) => compared(candidate.path))) {
    const path = join(outDir, file.path);
    if (!existsSync(path)) stale.push({ path: file.path, reason: "missing" });
    else if (!readFileSync(path).equals(contentBytes(file))) stale.push({ path: file.path, reason: "differs" });
  }
  const produced = new Set(files.map((file) => file.path));
  for (const path of readManifest(outDir)) {
    if (compared(path) && !produced.has(path) && existsSync(join(outDir, path))) stale.push({ path, reason: "no longer produced" });
  }
  return stale.sort((left, right) => left.path.localeCompare(right.path));
}
