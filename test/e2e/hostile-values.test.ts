// Hostile values in every free-text field of architecture.yaml and in the
// principal names of the snapshot must come out as text: no table row split,
// no HTML, no Mermaid syntax, in every page and diagram.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { PACKAGE_ROOT } from "../../src/version.js";
import { runCli, temporaryFolder } from "../support/cli.js";
import { HOSTILE_STRINGS } from "../support/hostile-strings.js";

/** Counts the cells of a GFM table row: pipes not escaped by a backslash, minus the two at the ends. */
function cellCount(row: string): number {
  let pipes = 0;
  for (let index = 0; index < row.length; index++) {
    if (row[index] === "\\") index++;
    else if (row[index] === "|") pipes++;
  }
  return pipes - 1;
}

function hostileProject(): string {
  const folder = temporaryFolder();
  const document = parseDocument(readFileSync(join(PACKAGE_ROOT, "architecture.yaml"), "utf8"));
  const values = HOSTILE_STRINGS.filter((value) => value.trim() !== "");
  let next = 0;
  const hostile = () => values[next++ % values.length]!;

  document.setIn(["document", "scope"], hostile());
  document.setIn(["document", "procedures", "key generation and storage"], hostile());
  for (let index = 0; index < 3; index++) {
    document.setIn(["keyStores", index, "description"], hostile());
    document.setIn(["custodians", index, "displayName"], hostile());
    document.setIn(["custodians", index, "role"], hostile());
  }
  for (let index = 0; index < 7; index++) {
    document.setIn(["keys", index, "purpose"], hostile());
    document.setIn(["keys", index, "protects"], [hostile(), hostile()]);
  }
  document.setIn(["keys", 1, "heldIn"], hostile());
  for (let index = 0; index < 4; index++) {
    document.setIn(["workloads", index, "displayName"], hostile());
    document.setIn(["protocols", index, "purpose"], hostile());
    document.setIn(["protocols", index, "usedBy"], [hostile()]);
    document.setIn(["protocols", index, "cipherSuites"], [hostile(), hostile()]);
  }
  for (let index = 0; index < 5; index++) {
    document.setIn(["dataFlows", index, "from"], hostile());
    document.setIn(["dataFlows", index, "to"], hostile());
    document.setIn(["dataFlows", index, "data"], [hostile()]);
  }
  for (let index = 0; index < 3; index++) document.setIn(["certificates", index, "usedBy"], [hostile()]);
  writeFileSync(join(folder, "architecture.yaml"), document.toString());

  const snapshot = JSON.parse(readFileSync(join(PACKAGE_ROOT, "inventory", "snapshot.json"), "utf8")) as { principals: { displayName: string | null }[] };
  snapshot.principals.forEach((principal) => (principal.displayName = hostile()));
  mkdirSync(join(folder, "inventory"));
  writeFileSync(join(folder, "inventory", "snapshot.json"), JSON.stringify(snapshot, null, 2));
  return folder;
}

describe("hostile values", () => {
  const folder = hostileProject();
  const run = runCli(["build", "--fail-on", "never"], { cwd: folder });
  const out = join(folder, "out");

  it("build succeeds", () => {
    expect(run.stderr).not.toContain("cryptodoc:");
    expect(run.code).toBe(0);
  });

  it("keeps every table row the width of its header", () => {
    for (const page of ["cryptographic-architecture.md", "key-inventory.md", "drift-report.md"]) {
      const lines = readFileSync(join(out, page), "utf8").split("\n");
      let width: number | null = null;
      lines.forEach((line, index) => {
        if (!line.startsWith("|")) {
          width = null;
          return;
        }
        if (width === null) width = cellCount(line);
        else expect(cellCount(line), `${page}:${index + 1}`).toBe(width);
      });
    }
  });

  it("lets no raw HTML through", () => {
    for (const page of ["cryptographic-architecture.md", "key-inventory.md", "drift-report.md"]) {
      const text = readFileSync(join(out, page), "utf8");
      expect(text.replace(/<br>/g, "").match(/(?<!\\)<(script|img)/g), page).toBeNull();
      expect(text, page).not.toContain("\u202E");
    }
  });

  it("writes diagrams whose labels stay inside their quotes", () => {
    for (const file of readdirSync(join(out, "diagrams"))) {
      const source = readFileSync(join(out, "diagrams", file), "utf8");
      for (const line of source.split("\n").slice(1)) {
        if (line.trim() === "" || line.trim() === "end" || line.trim().startsWith("classDef")) continue;
        expect(line, `${file}: ${line.slice(0, 80)}`).toMatch(/^\s*(subgraph g\d+\["[^"\n]*"\]|n\d+(\[|\(|\(\[|\[\(|\{\{)"[^"\n]*"(\]|\)|\]\)|\)\]|\}\})(:::\w+)?|n\d+ (-->|-\.->)(\|"[^"\n]*"\|)? n\d+)$/);
        expect(line).not.toMatch(/%%|<(?!br>)/);
      }
    }
  });

  it("shows the right-to-left override visibly", () => {
    expect(readFileSync(join(out, "cryptographic-architecture.md"), "utf8")).toContain("\\<U+202E\\>gnirts desrever");
  });
});
