// Algorithms and the protocol and cipher-suite inventory that is reviewed at
// least every twelve months.
import type { Architecture } from "../../declared/model.js";

export interface AlgorithmView {
  name: string;
  family: string;
  size: string;
  mode: string;
  standard: string;
  purpose: string;
}

export interface ProtocolView {
  name: string;
  protocol: string;
  versions: string;
  cipherSuites: string;
  purpose: string;
  usedBy: string;
  certificates: string;
}

export function algorithmViews(architecture: Architecture): AlgorithmView[] {
  return architecture.algorithms.map((algorithm) => ({
    name: algorithm.name,
    family: algorithm.family,
    size: algorithm.curve ?? (algorithm.keySize === undefined ? "" : `${algorithm.keySize} bits`),
    mode: algorithm.mode ?? "",
    standard: algorithm.standard ?? "",
    purpose: algorithm.purpose,
  }));
}

export function protocolViews(architecture: Architecture): ProtocolView[] {
  return architecture.protocols.map((protocol) => ({
    name: protocol.name,
    protocol: protocol.protocol,
    versions: protocol.versions.join(", "),
    cipherSuites: protocol.cipherSuites.join("\n"),
    purpose: protocol.purpose,
    usedBy: protocol.usedBy.join("\n"),
    certificates: protocol.certificates.join(", "),
  }));
}
