// Escaping for values that come from YAML or Azure (names, tags, purposes,
// display names) on their way into Markdown and Mermaid. Each value must show
// as literal text: no table cell split, no formatting, no HTML, no link, no
// Mermaid syntax. Invisible and direction-changing characters are shown as
// `<U+202E>` so a rendered page cannot read differently from its source.

// Bidi controls, zero-width characters, other format characters and C0/C1 controls except tab and newline.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g;

/** Replaces invisible and direction-changing characters with a visible `<U+XXXX>`. */
export function showInvisible(value: string): string {
  return value.replace(INVISIBLE, (character) => `<U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
}

// CommonMark lets a backslash escape any ASCII punctuation. These are the ones that can start inline
// syntax anywhere in a line, with `$` for math on GitHub. `_` is handled apart, because between two
// letters or digits it can neither open nor close emphasis.
const MARKDOWN_PUNCTUATION = /[\\`*[\]<>#!|~&$]/g;

/** Escapes a value for inline Markdown text; newlines become spaces. `atLineStart` is false for text that follows other inline content. */
export function markdownText(value: string | number | null | undefined, atLineStart = true): string {
  if (value === null || value === undefined) return "";
  let text = showInvisible(String(value)).replace(/\r\n?|\n/g, " ");
  text = text.replace(MARKDOWN_PUNCTUATION, "\\$&").replace(/_/g, (underscore, offset: number, whole: string) =>
    /[\p{L}\p{N}]/u.test(whole.charAt(offset - 1)) && /[\p{L}\p{N}]/u.test(whole.charAt(offset + 1)) ? underscore : "\\_");
  // GFM turns bare URLs and www. names into links; an escaped character breaks the match.
  text = text.replace(/([a-z][a-z0-9+.-]*):\/\//gi, "$1\\://").replace(/\bwww\./gi, "www\\.");
  // A list marker or numbered item at the start of a value would start a list in a paragraph.
  if (atLineStart) text = text.replace(/^(\s*)([-+=])/, "$1\\$2").replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
  return text;
}

/** Escapes a value for a GFM table cell: inline text whose newlines become `<br>`. */
export function tableCell(value: string | number | null | undefined, atLineStart = true): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .split(/\r\n?|\n/)
    .map((line, index) => markdownText(line, atLineStart || index > 0))
    .join("<br>");
}

/** Writes a value as a Markdown code span, with a fence longer than any backtick run inside it. */
export function codeSpan(value: string | number | null | undefined, inTable = false): string {
  if (value === null || value === undefined || String(value) === "") return "";
  let text = showInvisible(String(value)).replace(/\r\n?|\n/g, " ");
  // GFM splits table cells on `|` even inside code spans, so it must be escaped there too.
  if (inTable) text = text.replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padding = text.startsWith("`") || text.endsWith("`") || /^ .* $/.test(text) ? " " : "";
  return `${fence}${padding}${text}${padding}${fence}`;
}

/** Escapes text for a heading, which must never be empty. */
export function headingText(value: string | null | undefined): string {
  const text = markdownText(value);
  return text.trim() === "" ? "(unnamed)" : text;
}

/**
 * Escapes a Mermaid label for use inside double quotes. `#` goes first because
 * the others are written as Mermaid's `#name;` and `#code;` entities.
 */
export function mermaidLabel(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return showInvisible(String(value))
    .replace(/#/g, "#35;")
    .replace(/&/g, "#amp;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;")
    .replace(/%/g, "#37;")
    .replace(/\|/g, "#124;")
    .replace(/\r\n?|\n/g, "<br>");
}

/**
 * Renders one of the tool's own messages, whose values stand in backticks, as
 * text and code spans. A message with an odd number of backticks is escaped
 * whole, so a stray backtick can never open a span.
 */
export function messageMarkdown(message: string, inTable = false): string {
  const parts = message.split("`");
  const text = inTable ? tableCell : markdownText;
  if (parts.length % 2 === 0) return text(message);
  return parts.map((part, index) => (index % 2 === 0 ? text(part, index === 0) : codeSpan(part, inTable))).join("");
}
