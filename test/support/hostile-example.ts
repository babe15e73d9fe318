// The worked example with the hostile strings a name, description or display
// name may carry, written to a fresh folder beside a copy of its snapshot.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/version.js";
import { workedExampleYaml } from "./worked-example.js";

/** Values that try to break Markdown, Mermaid, HTML or Handlebars, each as YAML flow scalars. */
export const HOSTILE = {
  pipe: "a|b",
  markdown: "**bold** _em_ [link](https://example.com)",
  script: "<script>alert(1)</script>",
  image: "<img src=x onerror=alert(1)>",
  fence: "`code` and ```",
  quotes: "\"quoted\" 'single'",
  keywords: "end graph subgraph style click",
  shapes: "[box] (round) {curly} ((circle))",
  entities: "#35; &amp; &#124;",
  edges: "A --> B and A -.-> B",
  handlebars: "{{constructor}} and {{{raw}}}",
  directive: "%%{init: {\"theme\":\"dark\"}}%%",
  reversed: "\u202Egnirts desrever",
  unicode: "ключ-шифрования 鍵 🔑",
  heading: "# heading",
  list: "- item",
  backslash: "trailing \\",
  long: "a".repeat(10_000),
} as const;

const yamlString = (value: string) => JSON.stringify(value);

/** Writes the hostile example and returns its folder, which contains architecture.yaml and inventory/snapshot.json. */
export function writeHostileExample(): string {
  const folder = mkdtempSync(join(tmpdir(), "cryptodoc-hostile-"));
  mkdirSync(join(folder, "inventory"));
  copyFileSync(join(PACKAGE_ROOT, "inventory", "snapshot.json"), join(folder, "inventory", "snapshot.json"));
  const yaml = workedExampleYaml((text) => text
    .replace("displayName: Ana Ferreira", `displayName: ${yamlString(`Ana ${HOSTILE.script} ${HOSTILE.pipe}`)}`)
    .replace("role: Primary key custodian", `role: ${yamlString(`${HOSTILE.image} ${HOSTILE.quotes} ${HOSTILE.keywords}`)}`)
    .replace("displayName: Jonas Weber", `displayName: ${yamlString(`${HOSTILE.reversed} ${HOSTILE.unicode}`)}`)
    .replace("role: Secondary key custodian", `role: ${yamlString(`${HOSTILE.heading}\nline two ${HOSTILE.directive}`)}`)
    .replace("purpose: Wraps the data-encryption keys that encrypt PAN in the card vault.", `purpose: ${yamlString(`${HOSTILE.markdown} ${HOSTILE.fence} ${HOSTILE.handlebars}`)}`)
    .replace("from: Merchant checkout", `from: ${yamlString(`${HOSTILE.shapes} ${HOSTILE.edges}`)}`)
    .replace("data: [PAN, expiry date, CVV]", `data: [${yamlString(HOSTILE.entities)}, ${yamlString(HOSTILE.list)}, ${yamlString(HOSTILE.backslash)}]`)
    .replace("to: Card vault database", `to: ${yamlString(HOSTILE.long)}`));
  writeFileSync(join(folder, "architecture.yaml"), yaml);
  return folder;
}
