// Resolves how a build publishes: command-line options first, then the YAML's
// `publish` section, then the defaults.
import { isAbsolute, relative, resolve } from "node:path";
import type { Architecture } from "../declared/model.js";
import { UsageError } from "../errors.js";
import { defaultDiagramMode, DIAGRAM_MODES, type DiagramMode, type Flavor, FLAVORS } from "../render/markdown/flavors.js";
import { DEFAULT_BROWSER } from "../render/svg/browser.js";

export interface PublishOptions {
  flavor?: string;
  diagrams?: string;
  templates?: string;
  browser?: string;
}

export interface PublishSettings {
  flavor: Flavor;
  diagrams: DiagramMode;
  templates?: string;
  browser: string;
}

/** Checks a --flavor value. */
export function parseFlavor(value: string | undefined): Flavor | undefined {
  if (value === undefined) return undefined;
  if (!(FLAVORS as readonly string[]).includes(value)) {
    throw new UsageError(`--flavor \`${value}\` is not one of ${FLAVORS.map((flavor) => `\`${flavor}\``).join(", ")}.`, { hint: "For example: --flavor azure-devops" });
  }
  return value as Flavor;
}

/** Checks a --diagrams value. */
export function parseDiagramMode(value: string | undefined): DiagramMode | undefined {
  if (value === undefined) return undefined;
  if (!(DIAGRAM_MODES as readonly string[]).includes(value)) {
    throw new UsageError(`--diagrams \`${value}\` is not \`source\` or \`svg\`.`, { hint: "Use --diagrams svg to render pictures, or --diagrams source to keep Mermaid source in the pages." });
  }
  return value as DiagramMode;
}

/** Converts a path from the YAML, which is relative to the YAML file, to one relative to the working folder. */
function fromYaml(architecture: Architecture, path: string): string {
  return isAbsolute(path) ? path : relative(process.cwd(), resolve(architecture.baseDir, path)) || ".";
}

/** Rejects invalid --flavor and --diagrams values before anything is loaded. */
export function checkPublishOptions(options: PublishOptions): void {
  const flavor = parseFlavor(options.flavor);
  const diagrams = parseDiagramMode(options.diagrams);
  if (flavor === "plain" && diagrams === "source") plainWithSource("--diagrams source");
}

function plainWithSource(from: string): never {
  throw new UsageError(`--flavor plain shows diagrams only as pictures, so it cannot be combined with ${from}.`, { hint: "Use --diagrams svg (the default for plain), or a flavor whose wiki draws Mermaid: github or azure-devops." });
}

export function resolvePublishSettings(options: PublishOptions, architecture: Architecture, environment: NodeJS.ProcessEnv = process.env): PublishSettings {
  const yaml = architecture.publish;
  const flavor = parseFlavor(options.flavor) ?? yaml.flavor ?? "github";
  const diagrams = parseDiagramMode(options.diagrams) ?? yaml.diagrams ?? defaultDiagramMode(flavor);
  if (flavor === "plain" && diagrams === "source") plainWithSource(options.diagrams !== undefined ? "--diagrams source" : `publish.diagrams \`source\` in ${architecture.file}`);
  const templates = options.templates ?? (yaml.templates === undefined ? undefined : fromYaml(architecture, yaml.templates));
  const browser = options.browser ?? environment.CRYPTODOC_BROWSER ?? yaml.browser ?? DEFAULT_BROWSER;
  return { flavor, diagrams, ...(templates === undefined ? {} : { templates }), browser };
}
