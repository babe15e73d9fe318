// Data flows: which system sends which data to which, over which protocol,
// and with which keys.
import type { Architecture } from "../../declared/model.js";
import { Flowchart } from "./flowchart.js";

export function dataFlowDiagram(architecture: Architecture): string {
  const chart = new Flowchart("LR");
  for (const flow of architecture.dataFlows) {
    const from = chart.node(`system:${flow.from}`, flow.from);
    const to = chart.node(`system:${flow.to}`, flow.to);
    const protocol = architecture.protocols.find((candidate) => candidate.name === flow.protocol);
    const over = protocol === undefined ? "" : `\n${protocol.protocol} ${protocol.versions.join("/")}`;
    const keys = flow.keys.length === 0 ? "" : `\nkeys: ${flow.keys.join(", ")}`;
    chart.edge(from, to, `${flow.data.join(", ")}${over}${keys}`);
  }
  if (architecture.dataFlows.length === 0) chart.node("none", "no data flows declared");
  return chart.toString();
}
