// The diagrams every build writes, in document order. Each may be split into
// parts when it would be too large to read or for Mermaid to draw.
import type { Estate } from "../../drift/estate.js";
import { custodianAccessDiagram } from "./custodian-access.js";
import { dataFlowDiagram } from "./data-flows.js";
import { deploymentDiagram } from "./deployment.js";
import { keyHierarchyDiagram } from "./key-hierarchy.js";
import { keyLifecycleDiagram } from "./key-lifecycle.js";
import type { Diagram, DiagramPart } from "./split.js";

export type { Diagram, DiagramPart } from "./split.js";

export function buildDiagrams(estate: Estate): Diagram[] {
  return [
    keyHierarchyDiagram(estate),
    keyLifecycleDiagram(estate),
    deploymentDiagram(estate),
    custodianAccessDiagram(estate),
    dataFlowDiagram(estate.architecture),
  ];
}

/** Lists every part of every diagram, each written to out/diagrams/<name>.mmd. */
export function diagramParts(diagrams: Diagram[]): DiagramPart[] {
  return diagrams.flatMap((diagram) => diagram.parts);
}
