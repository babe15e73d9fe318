// Shows collection progress on stderr: one status line rewritten in place on
// a terminal, plain lines in CI and when stderr is not a terminal.
import type { ProgressEvent } from "../inventory/azure/collect.js";
import type { Logger } from "../log.js";

export function progressReporter(log: Logger, stream: NodeJS.WriteStream = process.stderr): (event: ProgressEvent) => void {
  const live = stream.isTTY === true && process.env["CI"] === undefined;
  let statusShown = false;

  return (event) => {
    if (live && event.phase === "store") {
      // `\r` and erase-line keep one line, updated per store, until the next plain line.
      stream.write(`\r\u001b[K${event.message} ${event.keys} keys so far.`);
      statusShown = true;
      return;
    }
    if (statusShown) {
      stream.write("\r\u001b[K");
      statusShown = false;
    }
    if (event.phase === "skip" || event.phase === "retry") log.warn(event.message);
    else log.info(event.message);
  };
}
