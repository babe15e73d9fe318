// Inject mode: generated sections written between named markers inside a
// hand-written page,
//
//   <!-- cryptodoc:begin keys-table -->
//   ...generated, replaced on every build...
//   <!-- cryptodoc:end keys-table -->
//
// Everything outside the markers, the marker lines included, stays byte for
// byte as it was. The page keeps its own line endings.
import { InputError } from "../errors.js";

export interface MarkedSection {
  name: string;
  /** 1-based line numbers of the two markers. */
  beginLine: number;
  endLine: number;
  /** Offsets in the page text: just after the begin marker's line, and the start of the end marker's line. */
  contentStart: number;
  contentEnd: number;
  lineEnding: "\n" | "\r\n";
}

const MARKER = /^[ \t]*<!--[ \t]*cryptodoc:(begin|end)[ \t]+([A-Za-z0-9._-]+)[ \t]*-->[ \t]*$/;
const MARKER_LIKE = /<!--[ \t]*cryptodoc:/;

interface Line {
  text: string;
  start: number;
  /** Offset just after the line's terminator. */
  next: number;
  lineEnding: "\n" | "\r\n";
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const crlf = end > start && text.charAt(end - 1) === "\r";
    lines.push({ text: text.slice(start, crlf ? end - 1 : end), start, next: newline === -1 ? text.length : newline + 1, lineEnding: crlf ? "\r\n" : "\n" });
    start = end + 1;
  }
  return lines;
}

/** Finds the marked sections of `page`; reports every misplaced or unknown marker at once, naming its line. */
export function findMarkedSections(file: string, page: string, knownNames: readonly string[]): MarkedSection[] {
  const problems: string[] = [];
  const sections: MarkedSection[] = [];
  const seen = new Map<string, number>();
  let open: { name: string; line: number; contentStart: number; lineEnding: "\n" | "\r\n" } | undefined;

  splitLines(page).forEach((line, index) => {
    const number = index + 1;
    const marker = MARKER.exec(line.text);
    if (marker === null) {
      if (MARKER_LIKE.test(line.text)) problems.push(`${file}:${number}: a cryptodoc marker must stand alone on its line as \`<!-- cryptodoc:begin NAME -->\` or \`<!-- cryptodoc:end NAME -->\`.`);
      return;
    }
    const [, kind, name] = marker as unknown as [string, "begin" | "end", string];
    if (kind === "begin") {
      if (open !== undefined) {
        problems.push(`${file}:${number}: \`<!-- cryptodoc:begin ${name} -->\` opens inside section \`${open.name}\` begun at line ${open.line}; add \`<!-- cryptodoc:end ${open.name} -->\` before it.`);
        return;
      }
      if (!knownNames.includes(name)) problems.push(`${file}:${number}: unknown section \`${name}\`; expected the name of a template or partial, such as \`keys-table\` or \`drift-summary\`.`);
      const earlier = seen.get(name);
      if (earlier !== undefined) problems.push(`${file}:${number}: section \`${name}\` is marked a second time; it is already marked at line ${earlier}.`);
      seen.set(name, number);
      open = { name, line: number, contentStart: line.next, lineEnding: line.lineEnding };
      return;
    }
    if (open === undefined) {
      problems.push(`${file}:${number}: \`<!-- cryptodoc:end ${name} -->\` has no \`<!-- cryptodoc:begin ${name} -->\` above it.`);
      return;
    }
    if (open.name !== name) {
      problems.push(`${file}:${number}: \`<!-- cryptodoc:end ${name} -->\` closes \`${name}\`, but the open section is \`${open.name}\` from line ${open.line}.`);
      return;
    }
    sections.push({ name, beginLine: open.line, endLine: number, contentStart: open.contentStart, contentEnd: line.start, lineEnding: open.lineEnding });
    open = undefined;
  });

  if (open !== undefined) problems.push(`${file}:${open.line}: \`<!-- cryptodoc:begin ${open.name} -->\` is never closed; add \`<!-- cryptodoc:end ${open.name} -->\` after it.`);
  if (problems.length === 0 && sections.length === 0) problems.push(`${file}: no \`<!-- cryptodoc:begin NAME -->\` marker was found, so there is nothing to inject.`);
  if (problems.length > 0) {
    throw new InputError(`${file} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`} with its cryptodoc markers:`, problems, {
      hint: "Each generated section needs one `<!-- cryptodoc:begin NAME -->` line and, below it, one `<!-- cryptodoc:end NAME -->` line.",
    });
  }
  return sections;
}

/** Replaces the text between each pair of markers with its section's Markdown, framed by blank lines. */
export function injectSections(page: string, sections: MarkedSection[], markdownOf: (name: string) => string): string {
  let result = "";
  let copied = 0;
  for (const section of sections) {
    const body = markdownOf(section.name).replace(/\s+$/, "").replace(/\r?\n/g, section.lineEnding);
    result += page.slice(copied, section.contentStart);
    result += `${section.lineEnding}${body}${section.lineEnding}${section.lineEnding}`;
    copied = section.contentEnd;
  }
  return result + page.slice(copied);
}
