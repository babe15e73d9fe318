/**
 * Wraps a value in backticks for a message. Backticks inside the value become
 * `'`, so renderers can split messages into text and code spans unambiguously.
 */
export function quoted(value: string | number): string {
  return "`" + String(value).replace(/`/g, "'") + "`";
}
