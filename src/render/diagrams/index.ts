// The diagrams every build writes, in document order.
import type { Estate } from "../../drift/estate.js";
import { dataFlowDiagram } from "./data-flows.js";
import { deploymentDiagram } from "./deployment.js";
import { keyHierarchyDiagram } from "./key-hierarchy.js";

export interface Diagram {
  /** File name without extension: out/diagrams/<name>.mmd. */
  name: string;
  title: string;
  source: string;
}

export function buildDiagrams(estate: Estate): Diagram[] {
  return [
    { name: "key-hierarchy", title: "Key hierarchy", source: keyHierarchyDiagram(estate) },
    { name: "deployment", title: "Deployment", source: deploymentDiagram(estate) },
    { name: "data-flows", title: "Data flows", source: dataFlowDiagram(estate.architecture) },
  ];
}
