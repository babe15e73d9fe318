// Text helpers shared by the diagram builders.

/** Labels longer than this many characters are cut: a diagram node is no place for a long text, and tables show it whole. */
export const MAX_LABEL_LENGTH = 200;

/** Cuts each line of a label to MAX_LABEL_LENGTH characters, marking the cut with `…`. */
export function shortenLabel(label: string): string {
  return label
    .split("\n")
    .map((line) => {
      const characters = [...line];
      return characters.length <= MAX_LABEL_LENGTH ? line : `${characters.slice(0, MAX_LABEL_LENGTH).join("")}…`;
    })
    .join("\n");
}

/** Turns a name from the YAML into a file-name part: lower-case ASCII letters, digits and `-`; empty when nothing is left. */
export function fileNamePart(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
