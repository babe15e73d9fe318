// The published pages of the worked example and the hostile example in every
// wiki flavor: internal links resolve, formatting is stable, and each flavor
// writes diagrams, contents and page names as its wiki expects.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Evaluation, loadAndEvaluate } from "../../src/commands/evaluate.js";
import { silentLogger } from "../../src/log.js";
import { diagramParts } from "../../src/render/diagrams/index.js";
import { type Flavor, FLAVORS } from "../../src/render/markdown/flavors.js";
import { formatMarkdown } from "../../src/render/markdown/format.js";
import { findBrokenLinks } from "../../src/render/markdown/links.js";
import { type Publication, renderPublication } from "../../src/render/render-build.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { writeHostileExample } from "../support/hostile-example.js";

const hostileFolder = writeHostileExample();
afterAll(() => rmSync(hostileFolder, { recursive: true, force: true }));

function evaluate(config: string): Promise<Evaluation> {
  return loadAndEvaluate({ config, live: false, out: "out", failOn: "high", subscriptions: [] }, silentLogger);
}

const examples = {
  "worked example": () => evaluate(join(PACKAGE_ROOT, "architecture.yaml")),
  "hostile example": () => evaluate(join(hostileFolder, "architecture.yaml")),
};

function publish(evaluation: Evaluation, flavor: Flavor): Publication {
  const pictures = flavor === "plain" ? new Set(diagramParts(renderPublication(evaluation, { failOn: "high" }).diagrams).map((part) => part.name)) : new Set<string>();
  return renderPublication(evaluation, { failOn: "high", flavor, pictures });
}

function pagesOf(publication: Publication): Map<string, string> {
  return new Map(publication.files.flatMap((file) => (file.path.endsWith(".md") ? [[file.path, file.content as string] as const] : [])));
}

describe.each(Object.entries(examples))("%s", (_name, load) => {
  it.each(FLAVORS)("links resolve in %s", async (flavor) => {
    const publication = publish(await load(), flavor);
    const paths = new Set(publication.files.map((file) => file.path));
    for (const part of diagramParts(publication.diagrams)) paths.add(`diagrams/${part.name}.svg`);
    expect(findBrokenLinks(pagesOf(publication), paths, flavor)).toEqual([]);
  });

  it.each(["github", "plain"] as const)("formatting is stable in %s", async (flavor) => {
    const publication = publish(await load(), flavor);
    for (const [path, page] of pagesOf(publication)) {
      expect(formatMarkdown(page, publication.format), path).toBe(page);
    }
  });
});

describe("flavors of the worked example", () => {
  it("github fences Mermaid and links pages", async () => {
    const pages = pagesOf(publish(await examples["worked example"](), "github"));
    expect([...pages.keys()]).toEqual(["cryptographic-architecture.md", "key-inventory.md", "drift-report.md"]);
    const document = pages.get("cryptographic-architecture.md")!;
    expect(document).toContain("## Contents\n\n- [Scope and evidence](#scope-and-evidence)\n");
    expect(document).toContain("```mermaid\nflowchart TB\n");
    expect(document).toContain("```mermaid\ngantt\n");
    expect(document).toContain("[key inventory](key-inventory.md)");
    expect(document).not.toContain("diagram=");
  });

  it("azure-devops uses its own blocks and names", async () => {
    const publication = publish(await examples["worked example"](), "azure-devops");
    const pages = pagesOf(publication);
    expect([...pages.keys()]).toEqual(["Cryptographic-architecture.md", "Key-inventory.md", "Drift-report.md"]);
    expect(publication.files.find((file) => file.path === ".order")?.content).toBe("Cryptographic-architecture\nKey-inventory\nDrift-report\n");
    const document = pages.get("Cryptographic-architecture.md")!;
    expect(document).toContain("[[_TOC_]]");
    expect(document).not.toContain("## Contents");
    expect(document).toContain("::: mermaid\ngraph TB\n");
    expect(document).toContain("::: mermaid\ngantt\n");
    expect(document).not.toContain("```mermaid");
    expect(document).not.toMatch(/^flowchart /m);
    expect(document).toContain("[key inventory](./Key-inventory.md)");
    expect(document).toContain("[drift-report.md](./Drift-report.md)");
  });

  it("plain shows pictures only", async () => {
    const document = pagesOf(publish(await examples["worked example"](), "plain")).get("cryptographic-architecture.md")!;
    expect(document).toContain("![Key hierarchy](diagrams/key-hierarchy.svg)");
    expect(document).toContain("![Key lifecycle](diagrams/key-lifecycle.svg)");
    expect(document).toContain("![Deployment](diagrams/deployment.svg)");
    expect(document).toContain("![Custodian access map](diagrams/custodian-access.svg)");
    expect(document).toContain("![Data flows](diagrams/data-flows.svg)");
    expect(document).not.toContain("```mermaid");
  });
});

describe("hostile values in pages", () => {
  it("table cells keep them as text", async () => {
    const document = pagesOf(publish(await examples["hostile example"](), "github")).get("cryptographic-architecture.md")!;
    const rows = document.split("\n");
    expect(rows).toContain("| `ana-ferreira` | Ana \\<script>alert(1)\\</script> a\\|b | `5e2a8c71-3f4b-4d9e-a1c6-7b8d9e0f1a2b` | User | \\<img src=x onerror=alert(1)> \"quoted\" 'single' end graph subgraph style click | kv-cde-prod, mhsm-cde-prod | 2026-03-02 | Key Vault Crypto Officer on kv-cde-prod (at the store); Managed HSM Crypto User on mhsm-cde-prod (at the store) |");
    expect(rows).toContain("| `jonas-weber` | \\<U+202E>gnirts desrever ключ-шифрования 鍵 🔑 | `6f3b9d82-4a5c-4e0f-b2d7-8c9e0f1a2b3c` | User | # heading<br>line two %%{init: {\"theme\":\"dark\"}}%% | kv-cde-prod | 2026-03-02 | Key Vault Crypto Officer on kv-cde-prod (at the store) |");
    expect(rows.find((row) => row.startsWith("| `pan-kek` | key-encryption"))).toBe("| `pan-kek` | key-encryption | wrapKey, unwrapKey | wrapKey, unwrapKey | \\*\\*bold\\*\\* \\_em\\_ \\[link]\\(https\\://example.com) \\`code\\` and \\`\\`\\` {{constructor}} and {{{raw}}} | PAN data-encryption keys | pan-dek | |");
  });

  it("no bare URL becomes a link", async () => {
    const pages = pagesOf(publish(await examples["hostile example"](), "github"));
    for (const page of pages.values()) expect(page).not.toContain("<https://example.com>");
  });
});
