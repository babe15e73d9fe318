import { describe, expect, it } from "vitest";
import { codeSpan, headingText, markdownText, mermaidLabel, messageMarkdown, showInvisible, tableCell } from "../../src/render/escape.js";
import { HOSTILE_STRINGS } from "../support/hostile-strings.js";

/** Splits a GFM table row into cells the way GFM does: on pipes not escaped by a backslash. */
function cellsOf(row: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let index = 0; index < row.length; index++) {
    const character = row[index]!;
    if (character === "\\" && index + 1 < row.length) {
      current += character + row[index + 1];
      index++;
    } else if (character === "|") {
      cells.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  cells.push(current);
  return cells.slice(1, -1);
}

describe("Markdown escaping", () => {
  it("keeps every hostile value inside one table cell on one line", () => {
    for (const value of HOSTILE_STRINGS) {
      const row = `| ${tableCell(value)} | ${codeSpan(value, true)} | ${messageMarkdown(`Key \`${value.replace(/`/g, "'")}\` failed.`, true)} |`;
      expect(row.includes("\n"), JSON.stringify(value)).toBe(false);
      expect(cellsOf(row), JSON.stringify(value)).toHaveLength(3);
    }
  });

  it("escapes inline syntax", () => {
    expect(markdownText("**bold** _em_ [link](https://example.com)")).toBe("\\*\\*bold\\*\\* \\_em\\_ \\[link\\](https\\://example.com)");
    expect(markdownText("<script>alert(1)</script>")).toBe("\\<script\\>alert(1)\\</script\\>");
    expect(markdownText("#35; &amp; &#124;")).toBe("\\#35; \\&amp; \\&\\#124;");
    expect(markdownText("{{constructor}} $x$")).toBe("{{constructor}} \\$x\\$");
  });

  it("keeps underscores inside words", () => {
    expect(markdownText("TLS_AES_256_GCM_SHA384")).toBe("TLS_AES_256_GCM_SHA384");
    expect(markdownText("_leading and trailing_")).toBe("\\_leading and trailing\\_");
  });

  it("neutralises block syntax at the start", () => {
    expect(markdownText("# heading")).toBe("\\# heading");
    expect(markdownText("- item")).toBe("\\- item");
    expect(markdownText("1. item")).toBe("1\\. item");
    expect(markdownText("3.2")).toBe("3.2");
  });

  it("escapes a trailing backslash", () => {
    expect(tableCell("ends with \\")).toBe("ends with \\\\");
  });

  it("turns newlines into breaks in cells and spaces in text", () => {
    expect(tableCell("line one\nline two")).toBe("line one<br>line two");
    expect(markdownText("line one\nline two")).toBe("line one line two");
  });

  it("shows bidi and zero-width characters", () => {
    expect(showInvisible("\u202Egnirts")).toBe("<U+202E>gnirts");
    expect(markdownText("a\u200Bb")).toBe("a\\<U+200B\\>b");
  });

  it("fences code spans longer than their backtick runs", () => {
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("```")).toBe("```` ``` ````");
    expect(codeSpan("a|b", true)).toBe("`a\\|b`");
  });

  it("never leaves a heading empty", () => {
    expect(headingText("   ")).toBe("(unnamed)");
    expect(headingText("")).toBe("(unnamed)");
  });

  it("escapes a message with an odd backtick as text", () => {
    expect(messageMarkdown("Key `a` is `b")).toBe("Key \\`a\\` is \\`b");
  });
});

describe("Mermaid label escaping", () => {
  it("writes Mermaid syntax as entities", () => {
    expect(mermaidLabel('"quoted" \'single\'')).toBe("#quot;quoted#quot; 'single'");
    expect(mermaidLabel("A --> B")).toBe("A --#gt; B");
    expect(mermaidLabel("%%{init: {\"theme\":\"dark\"}}%%")).toBe("#37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37;");
    expect(mermaidLabel("#35; &amp;")).toBe("#35;35; #amp;amp;");
    expect(mermaidLabel("a|b\nc`d")).toBe("a#124;b<br>c#96;d");
    expect(mermaidLabel("<img src=x onerror=alert(1)>")).toBe("#lt;img src=x onerror=alert(1)#gt;");
  });

  it("leaves no double quote, newline or raw angle bracket in any hostile label", () => {
    for (const value of HOSTILE_STRINGS) {
      const label = mermaidLabel(value);
      expect(label.includes('"'), JSON.stringify(value)).toBe(false);
      expect(label.includes("\n"), JSON.stringify(value)).toBe(false);
      expect(label.replace(/<br>/g, "").match(/[<>`%|]/), JSON.stringify(value)).toBeNull();
    }
  });
});
