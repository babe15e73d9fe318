// Progress and warnings go to stderr, one line per phase; results go to stdout
// or files. No colours are used, so NO_COLOR and CI logs need nothing special.

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
}

export const stderrLogger: Logger = {
  info: (line) => process.stderr.write(`${line}\n`),
  warn: (line) => process.stderr.write(`warning: ${line}\n`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** Writes a count with its noun: "1 key", "3 keys". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Formats elapsed time since `start` (from performance.now()) as seconds with one decimal. */
export function elapsed(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}
