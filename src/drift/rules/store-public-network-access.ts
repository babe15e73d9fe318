import type { DeployedKeyStore } from "../../inventory/model.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { storeRef } from "../resources.js";

/** Describes how a store is reachable from public networks, or returns null when it is not. */
export function publicExposure(store: DeployedKeyStore): string | null {
  if (store.publicNetworkAccess === "Disabled") return null;
  const acls = store.networkAcls;
  if (acls === null || acls.defaultAction === "Allow") return "public network access `Enabled` with firewall default action `Allow`";
  if (acls.ipRules.length > 0) return `public network access \`Enabled\` for ${acls.ipRules.length} IP range(s): ${acls.ipRules.map((rule) => `\`${rule}\``).join(", ")}`;
  return null;
}

export const storePublicNetworkAccess: Rule = {
  id: "store-public-network-access",
  title: "Key stores are not reachable from public networks",
  severity: "medium",
  requirements: ["3.6.1", "1.4.2"],
  rationale:
    "A key store that accepts connections from the internet exposes its data plane to password spraying, token theft and misconfigured access; cardholder data environment stores belong behind private endpoints.",
  remediation: {
    text: "Disable public network access and reach the store through a private endpoint.",
    command: "az keyvault update --name <vault> --public-network-access Disabled",
  },
  notes: "A store with public access enabled but a firewall that denies by default and lists no IP ranges is judged not exposed. Soft-deleted stores are not applicable.",
  check(estate) {
    return estate.stores
      .filter((store) => store.deployed !== null)
      .map((store) => {
        const deployed = store.deployed!;
        const resource = storeRef(store);
        const fields = { resource, declaredAt: store.declared?.at ?? null, expected: "public network access `Disabled`" };
        if (deployed.state === "soft-deleted") return notApplicable({ ...fields, messageId: "deleted", message: `Key store \`${deployed.name}\` is soft-deleted.` });
        const exposure = publicExposure(deployed);
        return exposure === null
          ? pass({ ...fields, messageId: "private", actual: `public network access \`${deployed.publicNetworkAccess}\``, message: `Key store \`${deployed.name}\` is not reachable from public networks.` })
          : fail({ ...fields, messageId: "public", actual: exposure, message: `Key store \`${deployed.name}\` is reachable from public networks: ${exposure}.` });
      });
  },
};
