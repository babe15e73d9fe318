// A small builder for Mermaid flowcharts. Node ids are generated (`n0`, `n1`,
// ...) and never come from data, because names such as `end`, `graph` or
// `click` are Mermaid keywords. Every label is quoted and escaped.
import { mermaidLabel } from "../escape.js";

export type Shape = "box" | "round" | "stadium" | "cylinder" | "hexagon";

const SHAPES: Record<Shape, [string, string]> = {
  box: ["[", "]"],
  round: ["(", ")"],
  stadium: ["([", "])"],
  cylinder: ["[(", ")]"],
  hexagon: ["{{", "}}"],
};

interface Subgraph {
  id: string;
  label: string;
  lines: string[];
}

export class Flowchart {
  private nextId = 0;
  private readonly nodes = new Map<string, string>();
  private readonly subgraphs: Subgraph[] = [];
  private readonly subgraphById = new Map<string, Subgraph>();
  private readonly topLevel: string[] = [];
  private readonly edges: string[] = [];
  private readonly classes: string[] = [];

  constructor(private readonly direction: "TB" | "LR") {}

  /** Opens a subgraph and returns its id. */
  subgraph(label: string): string {
    const id = `g${this.subgraphs.length}`;
    const subgraph = { id, label, lines: [] };
    this.subgraphs.push(subgraph);
    this.subgraphById.set(id, subgraph);
    return id;
  }

  /** Adds a node under `key` (a stable lookup key, not the Mermaid id) and returns its id. */
  node(key: string, label: string, options: { shape?: Shape; subgraph?: string; className?: string } = {}): string {
    const existing = this.nodes.get(key);
    if (existing !== undefined) return existing;
    const id = `n${this.nextId++}`;
    this.nodes.set(key, id);
    const [open, close] = SHAPES[options.shape ?? "box"];
    const line = `${id}${open}"${mermaidLabel(label)}"${close}${options.className ? `:::${options.className}` : ""}`;
    const subgraph = options.subgraph === undefined ? undefined : this.subgraphById.get(options.subgraph);
    (subgraph?.lines ?? this.topLevel).push(line);
    return id;
  }

  idOf(key: string): string | undefined {
    return this.nodes.get(key);
  }

  edge(from: string, to: string, label?: string, style: "solid" | "dotted" = "solid"): void {
    const arrow = style === "dotted" ? "-.->" : "-->";
    this.edges.push(label === undefined || label === "" ? `${from} ${arrow} ${to}` : `${from} ${arrow}|"${mermaidLabel(label)}"| ${to}`);
  }

  classDef(name: string, style: string): void {
    this.classes.push(`classDef ${name} ${style}`);
  }

  get edgeCount(): number {
    return this.edges.length;
  }

  toString(): string {
    const lines = [`flowchart ${this.direction}`];
    for (const subgraph of this.subgraphs) {
      lines.push(`  subgraph ${subgraph.id}["${mermaidLabel(subgraph.label)}"]`);
      for (const line of subgraph.lines) lines.push(`    ${line}`);
      lines.push("  end");
    }
    for (const line of this.topLevel) lines.push(`  ${line}`);
    for (const line of this.edges) lines.push(`  ${line}`);
    for (const line of this.classes) lines.push(`  ${line}`);
    return `${lines.join("\n")}\n`;
  }
}
