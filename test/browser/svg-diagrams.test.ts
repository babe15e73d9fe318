// SVG rendering with real Chromium: the hostile example is built with
// --diagrams svg, and each picture must be well-formed XML that shows the
// hostile labels as text and can run nothing.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, expect, it } from "vitest";
import { renderPictures } from "../../src/commands/render-svg.js";
import type { Logger } from "../../src/log.js";
import { MermaidRenderer } from "../../src/render/svg/mermaid-renderer.js";
import { browserPath, describeWithBrowser } from "../support/browser.js";
import { HOSTILE, writeHostileExample } from "../support/hostile-example.js";
import { type CliRun, runCli } from "../support/cli.js";

interface ParsedSvg {
  elements: string[];
  attributes: { element: string; name: string; value: string }[];
  text: string;
}

/** Parses an SVG with a strict XML parser; throws on the first well-formedness error. */
function parseSvg(xml: string): ParsedSvg {
  const parser = new SaxesParser({ xmlns: true });
  const parsed: ParsedSvg = { elements: [], attributes: [], text: "" };
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    parsed.elements.push(tag.local);
    for (const attribute of Object.values(tag.attributes)) parsed.attributes.push({ element: tag.local, name: attribute.local, value: attribute.value });
  });
  parser.on("text", (text) => {
    parsed.text += `${text}\n`;
  });
  parser.write(xml).close();
  return parsed;
}

function expectNothingRunnable(svg: ParsedSvg): void {
  expect(svg.elements.filter((element) => /^(script|iframe|object|embed)$/i.test(element))).toEqual([]);
  expect(svg.attributes.filter((attribute) => /^on/i.test(attribute.name))).toEqual([]);
  expect(svg.attributes.filter((attribute) => /javascript:/i.test(attribute.value.replace(/[\u0000-\u0020]/g, "")))).toEqual([]);
}

describeWithBrowser("SVG diagrams of the hostile example", () => {
  let folder: string;
  let out: string;
  let launches: string;
  let result: CliRun;

  beforeAll(() => {
    folder = writeHostileExample();
    out = join(folder, "out");
    // A wrapper that logs each launch, so the test can count browser starts.
    launches = join(folder, "launches.log");
    const wrapper = join(folder, "browser.sh");
    writeFileSync(wrapper, `#!/bin/sh\necho launch >> "${launches}"\nexec "${browserPath}" "$@"\n`);
    chmodSync(wrapper, 0o755);
    result = runCli(["build", "--config", join(folder, "architecture.yaml"), "--out", out, "--diagrams", "svg", "--browser", wrapper]);
  }, 120_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("build succeeds with one browser launch", () => {
    expect(result.stderr).not.toContain("warning:");
    expect(result.code).toBe(0);
    expect(readFileSync(launches, "utf8")).toBe("launch\n");
  });

  it("writes a picture for every diagram", () => {
    const files = readdirSync(join(out, "diagrams")).sort();
    expect(files).toEqual([
      "custodian-access.mmd", "custodian-access.svg", "data-flows.mmd", "data-flows.svg", "deployment.mmd", "deployment.svg",
      "key-hierarchy.mmd", "key-hierarchy.svg", "key-lifecycle.mmd", "key-lifecycle.svg",
    ]);
  });

  it("each picture is XML that runs nothing", () => {
    for (const name of ["custodian-access", "data-flows", "deployment", "key-hierarchy", "key-lifecycle"]) {
      const svg = parseSvg(readFileSync(join(out, "diagrams", `${name}.svg`), "utf8"));
      expect(svg.elements[0]).toBe("svg");
      expectNothingRunnable(svg);
    }
  });

  it("pictures show hostile labels as text", () => {
    const access = parseSvg(readFileSync(join(out, "diagrams", "custodian-access.svg"), "utf8")).text;
    expect(access).toContain(`Ana ${HOSTILE.script} ${HOSTILE.pipe}`);
    expect(access).toContain(`custodian: ${HOSTILE.image} ${HOSTILE.quotes} ${HOSTILE.keywords}`);
    expect(access).toContain("<U+202E>gnirts desrever ключ-шифрования 鍵 🔑");
    expect(access).toContain(`custodian: ${HOSTILE.heading}`);
    expect(access).toContain(`line two ${HOSTILE.directive}`);

    const flows = parseSvg(readFileSync(join(out, "diagrams", "data-flows.svg"), "utf8")).text;
    expect(flows).toContain(`${HOSTILE.shapes} ${HOSTILE.edges}`);
    expect(flows).toContain(`${HOSTILE.entities}, ${HOSTILE.list}, ${HOSTILE.backslash}`);
    expect(flows).toContain(`${"a".repeat(200)}…`);
    expect(flows).not.toContain("a".repeat(201));
  });

  it("pages link the pictures", () => {
    const page = readFileSync(join(out, "cryptographic-architecture.md"), "utf8");
    expect(page).toContain("![Key lifecycle](diagrams/key-lifecycle.svg)");
    expect(page).toContain("![Custodian access map](diagrams/custodian-access.svg)");
    expect(page).not.toContain("```mermaid");
  });

  it("check mode ignores pictures", () => {
    writeFileSync(join(out, "diagrams", "key-hierarchy.svg"), "<svg/>");
    const check = runCli(["build", "--check", "--config", join(folder, "architecture.yaml"), "--out", out, "--diagrams", "svg", "--browser", "/nonexistent/chromium"]);
    expect(check.stderr).toContain(`Checked 12 files in ${out}: all up to date`);
    expect(check.code).toBe(0);
  });
});

const collectingLogger = () => {
  const lines: string[] = [];
  const log: Logger = { info: (line) => lines.push(`info: ${line}`), warn: (line) => lines.push(`warning: ${line}`) };
  return { lines, log };
};

describeWithBrowser("Mermaid renderer", () => {
  it("failed diagram stays as source", async () => {
    const { lines, log } = collectingLogger();
    const parts = [
      { name: "broken", title: "Broken", source: "flowchart LR\n  a --> end end\n" },
      { name: "fine", title: "Fine", source: "flowchart LR\n  n0[\"fine\"] --> n1[\"also fine\"]\n" },
    ];
    const rendered = await renderPictures(parts, browserPath, (part) => part.source, log);
    expect([...rendered.pictures]).toEqual(["fine"]);
    expect(rendered.files.map((file) => file.path)).toEqual(["diagrams/fine.svg"]);
    expect(lines.filter((line) => line.startsWith("warning:"))).toEqual([
      "warning: Diagram `broken` could not be rendered to SVG and stays as Mermaid source: Parse error on line 2:",
    ]);
  }, 60_000);

  it("removes its profile folder", async () => {
    const renderer = await MermaidRenderer.start(browserPath);
    const profile = renderer.profileDir;
    expect(existsSync(profile)).toBe(true);
    await renderer.close();
    expect(existsSync(profile)).toBe(false);
  }, 60_000);

  it("resolves no host but localhost", async () => {
    const renderer = await MermaidRenderer.start(browserPath);
    try {
      expect(renderer.browserArguments).toContain("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
      expect(renderer.browserArguments).toContain("--disable-background-networking");
    } finally {
      await renderer.close();
    }
  }, 60_000);
});

describeWithBrowser("browser launch failures", () => {
  const folder = mkdtempSync(join(tmpdir(), "cryptodoc-launch-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("missing browser exits 2", () => {
    const result = runCli(["build", "--out", join(folder, "out"), "--diagrams", "svg", "--browser", join(folder, "no-chromium")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cryptodoc: No browser was found at \`${join(folder, "no-chromium")}\`, which --diagrams svg needs to render diagrams.`);
    expect(result.stderr).toContain("Install Debian's Chromium with `apt-get install chromium`, or pass --browser PATH to a Chromium or Chrome executable.");
    expect(existsSync(join(folder, "out"))).toBe(false);
  });

  it("browser that exits early exits 2", () => {
    const fake = join(folder, "fake-browser.sh");
    writeFileSync(fake, "#!/bin/sh\necho 'not a browser' >&2\nexit 7\n");
    chmodSync(fake, 0o755);
    const result = runCli(["build", "--out", join(folder, "out"), "--diagrams", "svg", "--browser", fake]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cryptodoc: The browser at \`${fake}\` exited with code 7 before it was ready: not a browser.`);
  });

  it("file that is not executable exits 2", () => {
    const plain = join(folder, "not-executable");
    writeFileSync(plain, "text");
    const result = runCli(["build", "--out", join(folder, "out"), "--diagrams", "svg", "--browser", plain]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cryptodoc: The browser path \`${plain}\` is not an executable file.`);
  });
});
