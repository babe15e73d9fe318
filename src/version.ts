import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Finds the cryptodoc package folder, from src/ under vitest or dist/src/ when compiled. */
function findPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: string };
      if (manifest.name === "cryptodoc") return folder;
    } catch {
      // No package.json here: keep walking up.
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error("cryptodoc could not find its own package.json above " + fileURLToPath(import.meta.url));
    folder = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const TOOL_NAME = "cryptodoc";
export const TOOL_VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
