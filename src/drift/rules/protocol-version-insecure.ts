import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { quoted } from "../text.js";

/** TLS versions by how they are written, normalised to lower case without a `TLS`/`TLSv` prefix. */
const SECURE = new Set(["1.2", "1.3"]);
const INSECURE = new Set(["1.0", "1", "1.1", "ssl2", "ssl3", "sslv2", "sslv3", "ssl 2.0", "ssl 3.0", "2.0", "3.0"]);

function normalise(version: string): string {
  return version.trim().toLowerCase().replace(/^tls\s*v?\s*/, "");
}

export const protocolVersionInsecure: Rule = {
  id: "protocol-version-insecure",
  title: "TLS protocols allow only TLS 1.2 and later",
  severity: "high",
  requirements: ["4.2.1", "12.3.3"],
  rationale:
    "SSL and TLS 1.0 and 1.1 are not secure versions: PCI DSS allows only secure versions and configurations for PAN in transit, without fallback to insecure ones.",
  remediation: {
    text: "Disable TLS 1.1 and earlier on the endpoints that use the protocol, then remove them from its declared versions.",
    command: "az network application-gateway ssl-policy set --resource-group <group> --gateway-name <gateway> --policy-type Predefined --policy-name AppGwSslPolicy20220101S",
  },
  notes: "Judges the declared versions of TLS and mTLS protocols; SSH and IPsec are not applicable. A version this rule does not recognise gives an error rather than a pass.",
  check(estate) {
    return estate.architecture.protocols.map((protocol) => {
      const resource = { id: `declared:protocols/${protocol.name}`, store: null, name: protocol.name, declaredName: protocol.name };
      const fields = { resource, declaredAt: protocol.at, expected: "TLS 1.2 or later only", actual: protocol.versions.map((version) => quoted(version)).join(", ") };
      if (protocol.protocol !== "TLS" && protocol.protocol !== "mTLS") {
        return notApplicable({ ...fields, messageId: "not-tls", message: `Protocol \`${protocol.name}\` is ${protocol.protocol}, not TLS.` });
      }
      const insecure = protocol.versions.filter((version) => INSECURE.has(normalise(version)));
      const unknown = protocol.versions.filter((version) => !INSECURE.has(normalise(version)) && !SECURE.has(normalise(version)));
      if (insecure.length > 0) {
        return fail({ ...fields, messageId: "insecure", message: `Protocol \`${protocol.name}\` allows ${insecure.map((version) => quoted(version)).join(", ")}; expected TLS 1.2 or later only.` });
      }
      if (unknown.length > 0) {
        return undecided({ ...fields, messageId: "version-unknown", message: `Protocol \`${protocol.name}\` declares version(s) ${unknown.map((version) => quoted(version)).join(", ")}, which are not TLS versions; expected versions such as \`1.2\` or \`1.3\`.` });
      }
      return pass({ ...fields, messageId: "secure", message: `Protocol \`${protocol.name}\` allows only ${fields.actual}.` });
    });
  },
};
