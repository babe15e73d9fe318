// The parts of GitHub Flavored Markdown the pipeline uses. Tables are parsed
// and written. Bare URLs are never turned into links: remark finds them in
// text after backslash escapes are resolved, so a URL from the YAML that the
// escaping broke up would otherwise come out as a live link. On the way out,
// the characters that GitHub would read as the start of a bare URL or a
// strikethrough are escaped.
import type { Processor } from "unified";
import { gfmAutolinkLiteralToMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown, gfmTableToMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";

/**
 * Writes tables without padding cells to the column width, so a long value
 * changes one line of the diff, but with `---` delimiter cells, the form most
 * Markdown readers and reviewers expect, rather than the single `-` GFM allows.
 */
function tablesToMarkdown(): ReturnType<typeof gfmTableToMarkdown> {
  const extension = gfmTableToMarkdown({ tablePipeAlign: false, tableCellPadding: true });
  const writeTable = extension.handlers!.table!;
  extension.handlers!.table = (...args: Parameters<typeof writeTable>) => {
    const lines = writeTable(...args).split("\n");
    if (lines[1] !== undefined) lines[1] = lines[1].replace(/\|( :?)-(:? )(?=\|)/g, "|$1---$2");
    return lines.join("\n");
  };
  return extension;
}

export function remarkGfmTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  (data.toMarkdownExtensions ??= []).push(tablesToMarkdown(), gfmAutolinkLiteralToMarkdown(), gfmStrikethroughToMarkdown());
}
