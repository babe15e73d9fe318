// The wikis cryptodoc publishes to, and what each needs: page file names, how
// diagrams are embedded, how the table of contents is made and how heading
// anchors are formed.
import GithubSlugger from "github-slugger";

export const FLAVORS = ["github", "azure-devops", "plain"] as const;
export type Flavor = (typeof FLAVORS)[number];

export const DIAGRAM_MODES = ["source", "svg"] as const;
export type DiagramMode = (typeof DIAGRAM_MODES)[number];

/** The pages a build writes, in reading order, by their names in the github flavor. */
export const PAGES = ["cryptographic-architecture.md", "key-inventory.md", "drift-report.md"] as const;

/** `source` where the wiki draws Mermaid itself, `svg` where it cannot. */
export function defaultDiagramMode(flavor: Flavor): DiagramMode {
  return flavor === "plain" ? "svg" : "source";
}

/**
 * Returns the file name of a page in the flavor. An Azure DevOps wiki shows a page's
 * file name as its title, with `-` read as a space, so pages there start with
 * a capital letter.
 */
export function pageFile(flavor: Flavor, page: string): string {
  if (flavor !== "azure-devops" || !(PAGES as readonly string[]).includes(page)) return page;
  return `${page.charAt(0).toUpperCase()}${page.slice(1)}`;
}

/** Returns the `.order` file that lists the pages of an Azure DevOps wiki folder in reading order, one page name a line. */
export function azureDevOpsOrder(): string {
  return PAGES.map((page) => pageFile("azure-devops", page).replace(/\.md$/, "")).join("\n") + "\n";
}

/**
 * Returns a function that turns heading texts of one page into anchors, in
 * document order. GitHub lower-cases, drops punctuation, turns spaces into
 * `-` and numbers repeated anchors (`-1`, `-2`). Azure DevOps documents the
 * same rules for punctuation, case and spaces.
 */
export function anchorMaker(flavor: Flavor): (heading: string) => string {
  if (flavor !== "azure-devops") {
    const slugger = new GithubSlugger();
    return (heading) => slugger.slug(heading);
  }
  // NOTE: Azure DevOps documents no rule for repeated headings; GitHub's numbering is assumed.
  const seen = new Map<string, number>();
  return (heading) => {
    const base = heading.toLowerCase().trim().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "").replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}
