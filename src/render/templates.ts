// Handlebars templates for the Markdown pages. Templates compile with
// `noEscape` because Handlebars' HTML escaping is wrong for Markdown, and with
// `strict` so a reference to an unknown field fails the build. Values are
// escaped explicitly with the helpers registered here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { RenderError } from "../errors.js";
import { closestMatch } from "../schema/suggest.js";
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

interface TemplateSource {
  name: string;
  /** The file it was read from, as shown in error messages. */
  file: string;
  text: string;
}

/** Reads `*.hbs` files from a folder as name → source. */
function readTemplates(folder: string): Map<string, TemplateSource> {
  const templates = new Map<string, TemplateSource>();
  if (!existsSync(folder)) return templates;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".hbs")) continue;
    const name = basename(entry.name, ".hbs");
    const file = join(folder, entry.name);
    templates.set(name, { name, file, text: readFileSync(file, "utf8") });
  }
  return templates;
}

type AstNode = { type?: string; params?: AstNode[]; hash?: { pairs: { value: AstNode }[] }; data?: boolean; strict?: boolean; [key: string]: unknown };

/**
 * Marks every field used as a helper argument (`{{#each keys}}`, `{{#if x}}`,
 * `{{cell name}}`, `rows=keys`) as strict. Handlebars' `strict` option checks
 * only plain `{{field}}` lookups, so a misspelt list would otherwise render as
 * an empty table without an error.
 */
function strictArguments(node: unknown): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) strictArguments(child);
    return;
  }
  const ast = node as AstNode;
  const argumentsOf = [...(ast.params ?? []), ...(ast.hash?.pairs.map((pair) => pair.value) ?? [])];
  for (const argument of argumentsOf) if (argument.type === "PathExpression" && argument.data !== true) argument.strict = true;
  for (const [key, child] of Object.entries(ast)) if (key !== "loc") strictArguments(child);
}

/** An error raised inside one template, with the place it points at. */
class TemplateFailure extends Error {
  constructor(readonly source: TemplateSource, readonly original: Error) {
    super(original.message);
  }
}

/** Turns a Handlebars error into one sentence naming the template file, line and column. */
function describeFailure(failure: TemplateFailure): RenderError {
  const { source, original } = failure;
  const unknownField = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(original.message);
  if (unknownField !== null) {
    // The message says all Handlebars' own text does, so its cause is not printed again.
    return new RenderError(`${source.file}:${unknownField[2]}:${Number(unknownField[3]) + 1}: template \`${source.name}\` uses the unknown field \`${unknownField[1]}\`.`, {
      hint: "Use a field of the view model listed in docs/templates.md, or `this` inside `{{#each}}`.",
    });
  }
  const located = /^(?:Parse error on line (\d+):)?([\s\S]*?)(?: - (\d+):(\d+))?$/.exec(original.message);
  const line = located?.[1] ?? located?.[3];
  return new RenderError(`${source.file}${line === undefined ? "" : `:${line}`}: template \`${source.name}\` failed: ${original.message.split("\n")[0]}`, {
    cause: original,
    hint: "Fix the template; built-in templates in the package's templates folder show the syntax.",
  });
}

/**
 * Describes an override file that matches no built-in name, with the likely intended name or place, or
 * returns null for a new partial unlike any built-in one, which a custom template may include.
 */
function describeUnused(source: TemplateSource, name: string, names: string[], otherFolder: string | null, isPartial: boolean): string | null {
  if (otherFolder !== null) return `${source.file} replaces nothing: \`${name}\` is a ${otherFolder === "" ? "page template" : "partial"}, so move it to the templates folder's ${otherFolder === "" ? "top level" : "partials/ folder"}.`;
  const suggestion = closestMatch(name, names);
  if (isPartial && suggestion === undefined) return null;
  return `${source.file} replaces nothing: no built-in ${isPartial ? "partial" : "template"} is called \`${name}\`${suggestion === undefined ? "" : ` (did you mean \`${suggestion}\`?)`}.`;
}

export class TemplateSet {
  private readonly handlebars = Handlebars.create();
  private readonly sources: Map<string, TemplateSource>;
  private readonly partials: Map<string, TemplateSource>;
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();
  /** Files in the overrides folder that replace nothing, each with what to do; the build warns of them. */
  readonly unusedOverrides: string[] = [];

  /** Loads the built-in templates, overridden by name with those in `overrides` when given. */
  constructor(overrides?: string) {
    registerHelpers(this.handlebars);
    this.sources = readTemplates(BUILT_IN_TEMPLATES);
    this.partials = readTemplates(join(BUILT_IN_TEMPLATES, "partials"));
    if (overrides !== undefined) {
      if (!existsSync(overrides)) throw new RenderError(`Templates folder \`${overrides}\` was not found.`, { hint: "Pass --templates with an existing folder, or leave it out to use the built-in templates." });
      for (const [name, source] of readTemplates(overrides)) {
        const unused = this.sources.has(name) ? null : describeUnused(source, name, [...this.sources.keys()], this.partials.has(name) ? "partials/" : null, false);
        if (unused !== null) this.unusedOverrides.push(unused);
        this.sources.set(name, source);
      }
      for (const [name, source] of readTemplates(join(overrides, "partials"))) {
        const unused = this.partials.has(name) ? null : describeUnused(source, name, [...this.partials.keys()], this.sources.has(name) ? "" : null, true);
        if (unused !== null) this.unusedOverrides.push(unused);
        this.partials.set(name, source);
      }
    }
    for (const source of this.partials.values()) this.registerPartial(source);
  }

  /** Names of every template and partial, which `--inject` markers may name. */
  get names(): string[] {
    return [...new Set([...this.sources.keys(), ...this.partials.keys()])].sort();
  }

  hasPartial(name: string): boolean {
    return this.partials.has(name);
  }

  private compile(source: TemplateSource): HandlebarsTemplateDelegate {
    let template = this.compiled.get(source.file);
    if (template === undefined) {
      try {
        const ast = this.handlebars.parse(source.text);
        strictArguments(ast);
        template = this.handlebars.compile(ast, { noEscape: true, strict: true });
      } catch (error) {
        throw describeFailure(new TemplateFailure(source, error as Error));
      }
      this.compiled.set(source.file, template);
    }
    return template;
  }

  // Each partial is registered as a function that records its own name on any
  // error, because Handlebars' messages give a line but not the template.
  private registerPartial(source: TemplateSource): void {
    this.handlebars.registerPartial(source.name, ((context: unknown, options: Handlebars.RuntimeOptions) => {
      try {
        return this.compile(source)(context, options);
      } catch (error) {
        throw error instanceof TemplateFailure || error instanceof RenderError ? error : new TemplateFailure(source, error as Error);
      }
    }) as unknown as HandlebarsTemplateDelegate);
  }

  private run(source: TemplateSource, view: object): string {
    try {
      return this.compile(source)(view);
    } catch (error) {
      if (error instanceof RenderError) throw error;
      throw describeFailure(error instanceof TemplateFailure ? error : new TemplateFailure(source, error as Error));
    }
  }

  /** Renders template `name` (file `<name>.hbs`) with `view`. */
  render(name: string, view: object): string {
    const source = this.sources.get(name);
    if (source === undefined) throw new RenderError(`Template \`${name}.hbs\` was not found.`, { hint: `Add ${name}.hbs to the templates folder, or remove the override.` });
    return this.run(source, view);
  }

  /** Renders partial `name` (file `partials/<name>.hbs`) on its own with `context`. */
  renderPartial(name: string, context: object): string {
    const source = this.partials.get(name);
    if (source === undefined) throw new RenderError(`Partial \`${name}.hbs\` was not found.`, { hint: `Add partials/${name}.hbs to the templates folder.` });
    return this.run(source, context);
  }
}
