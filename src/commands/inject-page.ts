// `build --inject PAGE`: renders the sections a hand-written page marks and
// splices them in. Links in a section are made relative to the page, so they
// still reach the output folder's pages and pictures.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, basename, relative } from "node:path";
import { InputError } from "../errors.js";
import { findMarkedSections, injectSections } from "../output/inject.js";
import { formatMarkdown } from "../render/markdown/format.js";
import type { Publication } from "../render/render-build.js";

export interface PageInjection {
  page: string;
  text: string;
  sections: number;
  /** True when the page on disk differs from `text`. */
  stale: boolean;
}

/** Returns the context a partial renders from on its own: the document view, or the part a built-in page passes it. */
function contextOf(name: string, publication: Publication): object {
  return name === "drift-summary" ? publication.view.drift : publication.view;
}

/** Reads the page, checks its markers and renders every marked section; writes nothing. */
export function preparePageInjection(page: string, outDir: string, publication: Publication, redact: (text: string) => string): PageInjection {
  if (!existsSync(page)) {
    throw new InputError(`The page \`${page}\` given to --inject was not found.`, [], { hint: "Create the page with `<!-- cryptodoc:begin NAME -->` and `<!-- cryptodoc:end NAME -->` lines where generated sections go." });
  }
  const original = readFileSync(page, "utf8");
  const { templates } = publication;
  const sections = findMarkedSections(page, original, templates.names);
  const linkBase = relative(dirname(page), outDir).split("\\").join("/");
  const format = { ...publication.format, ...(linkBase === "" ? {} : { linkBase }) };

  const markdownOf = (name: string) => {
    const markdown = templates.hasPartial(name) ? templates.renderPartial(name, contextOf(name, publication)) : templates.render(name, publication.view);
    return redact(formatMarkdown(markdown, format));
  };
  const text = injectSections(original, sections, markdownOf);
  return { page, text, sections: sections.length, stale: text !== original };
}

/** Replaces the page through a temporary file in the same folder, so a reader never sees half of it. */
export function writeInjectedPage(injection: PageInjection): void {
  if (!injection.stale) return;
  const temporary = join(dirname(injection.page), `.${basename(injection.page)}.cryptodoc-${process.pid}`);
  writeFileSync(temporary, injection.text);
  renameSync(temporary, injection.page);
}
