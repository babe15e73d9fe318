// Checks that every internal link of the published pages resolves: a relative
// link must name a file the build writes (or one already in the output
// folder), and a `#fragment` must be the anchor of a heading in its page.
import { posix } from "node:path";
import type { Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { remarkGfmTables } from "./gfm-tables.js";
import { anchorMaker, type Flavor } from "./flavors.js";
import { collectLinks, type PageLinks } from "./format.js";

export interface BrokenLink {
  page: string;
  url: string;
  reason: string;
}

/** Parses a page and lists its links and headings. */
export function scanPage(markdown: string): PageLinks {
  return collectLinks(unified().use(remarkParse).use(remarkGfmTables).parse(markdown) as Root);
}

/**
 * Lists the links in `pages` (path → Markdown, or its links as formatting
 * listed them) that do not resolve; `files` are all paths in the output folder.
 */
export function findBrokenLinks(pages: ReadonlyMap<string, string | PageLinks>, files: ReadonlySet<string>, flavor: Flavor): BrokenLink[] {
  const parsed = new Map([...pages].map(([path, page]) => {
    const links = typeof page === "string" ? scanPage(page) : page;
    const anchor = anchorMaker(flavor);
    return [path, { urls: links.urls, anchors: new Set(links.headings.map((heading) => anchor(heading))) }] as const;
  }));
  const broken: BrokenLink[] = [];
  for (const [page, { urls }] of parsed) {
    for (const url of urls) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("/")) continue;
      const hash = url.indexOf("#");
      const path = decodeURI(hash === -1 ? url : url.slice(0, hash));
      const fragment = hash === -1 ? undefined : decodeURIComponent(url.slice(hash + 1));
      const target = path === "" ? page : posix.normalize(posix.join(posix.dirname(page), path));
      if (!files.has(target) && !pages.has(target)) {
        broken.push({ page, url, reason: `\`${target}\` is not in the output` });
        continue;
      }
      if (fragment === undefined) continue;
      const anchors = parsed.get(target)?.anchors;
      if (anchors === undefined) broken.push({ page, url, reason: `\`${target}\` is not a page, so it has no anchor \`${fragment}\`` });
      else if (!anchors.has(fragment)) broken.push({ page, url, reason: `\`${target}\` has no heading with the anchor \`${fragment}\`` });
    }
  }
  return broken;
}
