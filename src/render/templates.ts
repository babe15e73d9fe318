// Handlebars templates for the Markdown pages. Templates compile with
// `noEscape` because Handlebars' HTML escaping is wrong for Markdown, and with
// `strict` so a reference to an unknown field fails the build. Values are
// escaped explicitly with the helpers registered here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { RenderError } from "../errors.js";
import { PACKAGE_ROOT } from "../version.js";
import { codeSpan, headingText, markdownText, mermaidLabel, messageMarkdown, tableCell } from "./escape.js";

export const BUILT_IN_TEMPLATES = join(PACKAGE_ROOT, "templates");

type Value = string | number | null | undefined;

function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper("text", (value: Value) => markdownText(value));
  handlebars.registerHelper("cell", (value: Value) => tableCell(value));
  handlebars.registerHelper("code", (value: Value) => codeSpan(value));
  handlebars.registerHelper("codeCell", (value: Value) => codeSpan(value, true));
  handlebars.registerHelper("message", (value: string) => messageMarkdown(value));
  handlebars.registerHelper("messageCell", (value: string) => messageMarkdown(value, true));
  handlebars.registerHelper("heading", (value: Value) => headingText(value === null || value === undefined ? "" : String(value)));
  handlebars.registerHelper("mermaidLabel", (value: Value) => mermaidLabel(value));
  handlebars.registerHelper("eq", (left: unknown, right: unknown) => left === right);
  handlebars.registerHelper("plural", (count: number, singular: string, plural: string) => `${count} ${count === 1 ? singular : plural}`);
}

/** Reads `*.hbs` files from a folder as name → source; `partials/` holds partials. */
function readTemplates(folder: string): Map<string, string> {
  const templates = new Map<string, string>();
  if (!existsSync(folder)) return templates;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".hbs")) templates.set(basename(entry.name, ".hbs"), readFileSync(join(folder, entry.name), "utf8"));
  }
  return templates;
}

export class TemplateSet {
  private readonly handlebars = Handlebars.create();
  private readonly sources: Map<string, string>;
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();

  /** Loads the built-in templates, overridden by name with those in `overrides` when given. */
  constructor(overrides?: string) {
    registerHelpers(this.handlebars);
    this.sources = readTemplates(BUILT_IN_TEMPLATES);
    const partials = readTemplates(join(BUILT_IN_TEMPLATES, "partials"));
    if (overrides !== undefined) {
      for (const [name, source] of readTemplates(overrides)) this.sources.set(name, source);
      for (const [name, source] of readTemplates(join(overrides, "partials"))) partials.set(name, source);
    }
    for (const [name, source] of partials) this.handlebars.registerPartial(name, source);
  }

  /** Renders template `name` (file `<name>.hbs`) with `view`. */
  render(name: string, view: object): string {
    let template = this.compiled.get(name);
    if (template === undefined) {
      const source = this.sources.get(name);
      if (source === undefined) throw new RenderError(`Template \`${name}.hbs\` was not found.`, { hint: `Add ${name}.hbs to the templates folder, or remove the override.` });
      template = this.handlebars.compile(source, { noEscape: true, strict: true });
      this.compiled.set(name, template);
    }
    try {
      return template(view);
    } catch (error) {
      throw new RenderError(`Template \`${name}.hbs\` failed: ${(error as Error).message}`, {
        cause: error,
        hint: "Check the field names the template uses against the view model in the templates README.",
      });
    }
  }
}
