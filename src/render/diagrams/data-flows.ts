// Data flows: which system sends which data to which, over which protocol,
// and with which keys.
import type { Architecture, DataFlow } from "../../declared/model.js";
import { Flowchart } from "./flowchart.js";
import { type Diagram, type RenderedDiagram, splitDiagram } from "./split.js";

function renderDataFlows(architecture: Architecture, flows: DataFlow[]): RenderedDiagram {
  const chart = new Flowchart("LR");
  for (const flow of flows) {
    const from = chart.node(`system:${flow.from}`, flow.from);
    const to = chart.node(`system:${flow.to}`, flow.to);
    const protocol = architecture.protocols.find((candidate) => candidate.name === flow.protocol);
    const over = protocol === undefined ? "" : `\n${protocol.protocol} ${protocol.versions.join("/")}`;
    const keys = flow.keys.length === 0 ? "" : `\nkeys: ${flow.keys.join(", ")}`;
    chart.edge(from, to, `${flow.data.join(", ")}${over}${keys}`);
  }
  if (flows.length === 0) chart.node("none", "no data flows declared");
  return { source: chart.toString(), nodes: chart.nodeCount, edges: chart.edgeCount };
}

export function dataFlowDiagram(architecture: Architecture): Diagram {
  // Data flows name systems, not environments or stores, so a large set is only cut into chunks.
  return splitDiagram<DataFlow>({
    name: "data-flows",
    title: "Data flows",
    description: "Which system sends which account data to which, over which protocol, and under which keys.",
    units: architecture.dataFlows,
    environmentOf: () => "all environments",
    groupOf: (flow) => flow.name,
    render: (flows) => renderDataFlows(architecture, flows),
    readable: { nodes: 60, edges: 90 },
  });
}
