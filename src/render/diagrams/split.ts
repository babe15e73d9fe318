// Splits a diagram that would be too large into several. Mermaid 11 refuses a
// text longer than `maxTextSize` (50,000 characters by default) and draws at
// most `maxEdges` (500 by default) edges. Well before that, a diagram stops
// being something a reader can follow. A diagram that is too large is split by
// environment first, so production and test never share a picture. Then its
// groups (key stores) are packed into parts, and a group that is too large on
// its own is cut into chunks.
import { fileNamePart } from "./label.js";

export const MERMAID_MAX_TEXT_SIZE = 50_000;
export const MERMAID_MAX_EDGES = 500;

export interface DiagramPart {
  /** File name without extension: out/diagrams/<name>.mmd. */
  name: string;
  title: string;
  source: string;
}

export interface Diagram {
  /** The diagram's base name; its only part has this name when it is not split. */
  name: string;
  title: string;
  /** One or two sentences on what the diagram shows, for the page. */
  description: string;
  parts: DiagramPart[];
}

export interface RenderedDiagram {
  source: string;
  nodes: number;
  edges: number;
}

export interface SplitSpec<U> {
  name: string;
  title: string;
  description: string;
  units: U[];
  environmentOf(unit: U): string;
  groupOf(unit: U): string;
  render(units: U[]): RenderedDiagram;
  /** The maximum nodes (or gantt rows) and edges of one part, to stay readable. */
  readable: { nodes: number; edges: number };
}

/** Lists units grouped by `keyOf`, groups in order of first appearance. */
function groupBy<U>(units: U[], keyOf: (unit: U) => string): [string, U[]][] {
  const groups = new Map<string, U[]>();
  for (const unit of units) {
    const key = keyOf(unit);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [unit]);
    else group.push(unit);
  }
  return [...groups];
}

/**
 * Returns how many of `units`, from `from` on, can join `current` and still
 * fit. Each check renders the whole part, so the count is found by doubling
 * and then halving, which keeps the checks per part logarithmic in its size.
 */
function longestFittingPrefix<U>(current: U[], units: U[], from: number, fits: (units: U[]) => boolean): number {
  const remaining = units.length - from;
  const fitsWith = (count: number) => fits([...current, ...units.slice(from, from + count)]);
  let low = 0;
  let high = 1;
  while (high <= remaining && fitsWith(high)) {
    low = high;
    high *= 2;
  }
  high = Math.min(high - 1, remaining);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fitsWith(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Packs whole groups into parts while they fit. A group too large for a part
 * of its own is poured in unit by unit and fills the part before it first. A
 * unit too large on its own gets a part of its own.
 */
function pack<U>(units: U[], groupOf: (unit: U) => string, fits: (units: U[]) => boolean): U[][] {
  const parts: U[][] = [];
  let current: U[] = [];
  const close = () => {
    if (current.length > 0) parts.push(current);
    current = [];
  };
  for (const [, group] of groupBy(units, groupOf)) {
    if (fits([...current, ...group])) {
      current.push(...group);
      continue;
    }
    if (fits(group)) {
      close();
      current = [...group];
      continue;
    }
    let next = 0;
    while (next < group.length) {
      const fitting = longestFittingPrefix(current, group, next, fits);
      if (fitting === 0 && current.length === 0) {
        current.push(group[next++]!);
      } else {
        current.push(...group.slice(next, next + fitting));
        next += fitting;
      }
      if (next < group.length) close();
    }
  }
  close();
  return parts;
}

function listNames(names: string[]): string {
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}

/** Renders the spec's units as one diagram, or as several parts when one would be too large. */
export function splitDiagram<U>(spec: SplitSpec<U>): Diagram {
  const fits = (units: U[]) => {
    const rendered = spec.render(units);
    return rendered.nodes <= spec.readable.nodes
      && rendered.edges <= Math.min(spec.readable.edges, MERMAID_MAX_EDGES)
      && rendered.source.length <= MERMAID_MAX_TEXT_SIZE;
  };
  if (fits(spec.units)) return { name: spec.name, title: spec.title, description: spec.description, parts: [{ name: spec.name, title: spec.title, source: spec.render(spec.units).source }] };

  const parts: DiagramPart[] = [];
  const usedNames = new Set<string>();
  const environments = groupBy(spec.units, spec.environmentOf);
  environments.forEach(([environment, units], environmentIndex) => {
    // With a single environment, naming it in every part would only add noise.
    const slug = fileNamePart(environment);
    const base = environments.length === 1 ? spec.name : slug === "" || usedNames.has(`${spec.name}-${slug}`) ? `${spec.name}-environment-${environmentIndex + 1}` : `${spec.name}-${slug}`;
    const title = environments.length === 1 ? spec.title : `${spec.title}: ${environment}`;
    usedNames.add(base);
    const packed = pack(units, spec.groupOf, fits);
    packed.forEach((partUnits, index) => {
      const groups = groupBy(partUnits, spec.groupOf).map(([group]) => group);
      const numbered = packed.length > 1;
      parts.push({
        name: numbered ? `${base}-${index + 1}` : base,
        title: numbered ? `${title}, part ${index + 1} of ${packed.length} (${listNames(groups)})` : title,
        source: spec.render(partUnits).source,
      });
    });
  });
  return { name: spec.name, title: spec.title, description: spec.description, parts };
}
