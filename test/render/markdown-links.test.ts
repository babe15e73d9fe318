// The link checker itself: it must report what does not resolve.
import { describe, expect, it } from "vitest";
import { findBrokenLinks } from "../../src/render/markdown/links.js";

describe("findBrokenLinks", () => {
  const pages = new Map([
    ["a.md", "# Page A\n\n## Keys and stores\n\nSee [keys](#keys-and-stores), [b](b.md#second-part), [gone](gone.md), [bad](#nothing) and [wrong](b.md#keys-and-stores).\n\n![picture](diagrams/x.svg)\n"],
    ["b.md", "# Page B\n\n## Second part\n"],
  ]);

  it("reports missing files and anchors", () => {
    expect(findBrokenLinks(pages, new Set(["a.md", "b.md"]), "github")).toEqual([
      { page: "a.md", url: "gone.md", reason: "`gone.md` is not in the output" },
      { page: "a.md", url: "#nothing", reason: "`a.md` has no heading with the anchor `nothing`" },
      { page: "a.md", url: "b.md#keys-and-stores", reason: "`b.md` has no heading with the anchor `keys-and-stores`" },
      { page: "a.md", url: "diagrams/x.svg", reason: "`diagrams/x.svg` is not in the output" },
    ]);
  });

  it("accepts links that resolve", () => {
    expect(findBrokenLinks(pages, new Set(["a.md", "b.md", "gone.md", "diagrams/x.svg"]), "github").map((link) => link.url)).toEqual(["#nothing", "b.md#keys-and-stores"]);
  });

  it("azure-devops anchors drop punctuation", () => {
    const page = new Map([["P.md", "# P\n\n## 1. Keys, stores & more\n\n[x](#1-keys-stores--more)\n"]]);
    expect(findBrokenLinks(page, new Set(["P.md"]), "azure-devops")).toEqual([]);
  });
});
