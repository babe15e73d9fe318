// The key lifecycle and custodian access diagrams of the worked example, and
// how a large estate is split into parts within Mermaid's limits.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DeclaredKey } from "../../src/declared/model.js";
import { custodianAccessDiagram, inheritedScopeName } from "../../src/render/diagrams/custodian-access.js";
import { keyHierarchyDiagram } from "../../src/render/diagrams/key-hierarchy.js";
import { keyLifecycleDiagram } from "../../src/render/diagrams/key-lifecycle.js";
import { MERMAID_MAX_EDGES, MERMAID_MAX_TEXT_SIZE } from "../../src/render/diagrams/split.js";
import { ganttText, mermaidLabel } from "../../src/render/escape.js";
import { diagramViews, EMBEDDED_PARTS } from "../../src/render/view/diagrams.js";
import { estateOf, workedExample } from "../support/worked-example.js";

const expected = (name: string) => readFileSync(join(import.meta.dirname, "expected", `${name}.mmd`), "utf8");

describe("diagrams of the worked example", () => {
  it("key lifecycle matches", () => {
    const diagram = keyLifecycleDiagram(estateOf(workedExample()));
    expect(diagram.parts.map((part) => part.name)).toEqual(["key-lifecycle"]);
    expect(diagram.parts[0]!.source).toBe(expected("key-lifecycle"));
  });

  it("custodian access map matches", () => {
    const diagram = custodianAccessDiagram(estateOf(workedExample()));
    expect(diagram.parts.map((part) => part.name)).toEqual(["custodian-access"]);
    expect(diagram.parts[0]!.source).toBe(expected("custodian-access"));
  });

  it("custodian without a role is drawn dotted", () => {
    const example = workedExample();
    example.architecture.custodians[1]!.stores.push("kv-cde-test");
    const source = custodianAccessDiagram(estateOf(example)).parts[0]!.source;
    expect(source).toContain("n8 -.->|\"declared custodian, no role with key rights found\"| n9");
  });

  it("names inherited scopes briefly", () => {
    expect(inheritedScopeName("/subscriptions/3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f")).toBe("the subscription");
    expect(inheritedScopeName("/subscriptions/3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f/resourceGroups/rg-cde-keys-prod")).toBe("resource group rg-cde-keys-prod");
    expect(inheritedScopeName("/providers/Microsoft.Management/managementGroups/mg-cde")).toBe("management group mg-cde");
    expect(inheritedScopeName("/")).toBe("the tenant root");
  });
});

describe("large estates", () => {
  function largeEstate() {
    const example = workedExample();
    const template = example.architecture.keys.find((key) => key.name === "export-kek")!;
    const add = (store: string, environment: string, count: number) => {
      for (let index = 0; index < count; index++) {
        const name = `${store}-key-${String(index).padStart(3, "0")}`;
        example.architecture.keys.push({ ...template, name, azureName: name, store, environment, purpose: `${"long purpose ".repeat(30)}${index}` } as DeclaredKey);
      }
    };
    add("kv-cde-prod", "prod", 150);
    add("kv-cde-test", "test", 30);
    return estateOf(example);
  }

  it("key hierarchy splits by environment", () => {
    const diagram = keyHierarchyDiagram(largeEstate());
    expect(diagram.parts.map((part) => part.name)).toEqual(["key-hierarchy-prod-1", "key-hierarchy-prod-2", "key-hierarchy-prod-3", "key-hierarchy-test"]);
    expect(diagram.parts[0]!.title).toBe("Key hierarchy: prod, part 1 of 3 (mhsm-cde-prod, kv-cde-prod)");
    expect(diagram.parts[3]!.title).toBe("Key hierarchy: test");
  });

  it("each part stays within limits", () => {
    for (const part of keyHierarchyDiagram(largeEstate()).parts) {
      const nodes = part.source.split("\n").filter((line) => /^\s+n\d+[[({]/.test(line)).length;
      const edges = part.source.split("\n").filter((line) => / -\.?->/.test(line)).length;
      expect(nodes, part.name).toBeLessThanOrEqual(60);
      expect(edges, part.name).toBeLessThanOrEqual(Math.min(90, MERMAID_MAX_EDGES));
      expect(part.source.length, part.name).toBeLessThanOrEqual(MERMAID_MAX_TEXT_SIZE);
    }
  });

  it("every key appears in one part", () => {
    const sources = keyHierarchyDiagram(largeEstate()).parts.map((part) => part.source).join("\n");
    for (const index of [0, 59, 149]) {
      const name = `kv-cde-prod-key-${String(index).padStart(3, "0")}`;
      expect(sources.split(`("${name}<br>`).length - 1, name).toBe(1);
    }
    expect(sources.split("(\"kv-cde-test-key-").length - 1).toBe(30);
  });

  it("key lifecycle stays within rows", () => {
    const example = workedExample();
    const store = example.inventory.keyStores.find((candidate) => candidate.name === "kv-cde-prod")!;
    const key = store.keys!.find((candidate) => candidate.name === "export-kek")!;
    for (let index = 0; index < 40; index++) store.keys!.push({ ...key, name: `extra-${index}`, id: `${key.id}-${index}` });
    const parts = keyLifecycleDiagram(estateOf(example)).parts;
    expect(parts.map((part) => part.name)).toEqual(["key-lifecycle-prod-1", "key-lifecycle-prod-2", "key-lifecycle-prod-3", "key-lifecycle-test"]);
    for (const part of parts) expect(part.source.split("\n").filter((line) => / :.*t\d+, /.test(line)).length, part.name).toBeLessThanOrEqual(48);
  });
});

describe("Mermaid escaping", () => {
  it("labels with style and a colon", () => {
    expect(mermaidLabel("style:#x")).toBe("style#58;#35;x");
    expect(mermaidLabel("keys: pan-kek")).toBe("keys: pan-kek");
  });

  it("gantt names escape separators", () => {
    expect(ganttText("kv: <b>#1; 50% a|b\nnext")).toBe("kv#58; #lt;b#gt;#35;1#59; 50#37; a#124;b next");
    expect(ganttText("\u202Ereversed")).toBe("#lt;U+202E#gt;reversed");
  });
});

describe("diagram views", () => {
  it("embeds twenty parts and links the rest", () => {
    const parts = Array.from({ length: 23 }, (_, index) => ({ name: `key-lifecycle-prod-${index + 1}`, title: `Key lifecycle: prod, part ${index + 1} of 23`, source: "gantt\n" }));
    const [view] = diagramViews([{ name: "key-lifecycle", title: "Key lifecycle", description: "d", parts }], new Set(["key-lifecycle-prod-22"]));
    expect(view!.parts.length).toBe(EMBEDDED_PARTS);
    expect(view!.parts[0]!.partTitle).toBe("Key lifecycle: prod, part 1 of 23");
    expect(view!.moreParts).toEqual([
      { title: "Key lifecycle: prod, part 21 of 23", file: "diagrams/key-lifecycle-prod-21.mmd" },
      { title: "Key lifecycle: prod, part 22 of 23", file: "diagrams/key-lifecycle-prod-22.svg" },
      { title: "Key lifecycle: prod, part 23 of 23", file: "diagrams/key-lifecycle-prod-23.mmd" },
    ]);
  });
});
