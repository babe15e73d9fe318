// Custodians (who manage keys) and workloads (which use them), each with the
// roles the inventory shows them holding.
import { describeGrantScope, storeAccess, type AccessGrant } from "../../drift/access.js";
import type { Estate } from "../../drift/estate.js";

export interface CustodianView {
  name: string;
  displayName: string;
  principalId: string;
  principalType: string;
  role: string;
  stores: string;
  acknowledged: string;
  grantsHeld: string;
}

export interface WorkloadView {
  name: string;
  displayName: string;
  principalId: string;
  cluster: string;
  serviceAccount: string;
  environment: string;
  uses: string;
  grantsHeld: string;
}

/** Lists the key-right grants of each principal, keyed by lower-cased principal id. */
function grantsByPrincipal(estate: Estate): Map<string, string[]> {
  const held = new Map<string, string[]>();
  for (const store of estate.stores) {
    if (store.deployed === null) continue;
    const access = storeAccess(estate.inventory, store.deployed);
    if (!access.ok) continue;
    for (const grant of access.grants) {
      if (grant.rights.length === 0) continue;
      const id = grant.principalId.toLowerCase();
      held.set(id, [...(held.get(id) ?? []), describe(store.name, grant)]);
    }
  }
  return held;
}

function describe(store: string, grant: AccessGrant): string {
  return `${grant.grantName} on ${store} (${describeGrantScope(grant).replace(/`/g, "")})`;
}

export function custodianViews(estate: Estate): { custodians: CustodianView[]; workloads: WorkloadView[] } {
  const held = grantsByPrincipal(estate);
  const grantsOf = (principalId: string) => (held.get(principalId.toLowerCase()) ?? ["none found"]).sort().join("; ");
  return {
    custodians: estate.architecture.custodians.map((custodian) => ({
      name: custodian.name,
      displayName: custodian.displayName ?? "",
      principalId: custodian.principalId,
      principalType: custodian.principalType,
      role: custodian.role,
      stores: custodian.stores.join(", "),
      acknowledged: custodian.acknowledged,
      grantsHeld: grantsOf(custodian.principalId),
    })),
    workloads: estate.architecture.workloads.map((workload) => ({
      name: workload.name,
      displayName: workload.displayName ?? "",
      principalId: workload.principalId,
      cluster: workload.cluster ?? "",
      serviceAccount: workload.serviceAccount ?? "",
      environment: workload.environment,
      uses: workload.uses.map((use) => `${use.key}: ${use.operations.join(", ")}`).join("; "),
      grantsHeld: grantsOf(workload.principalId),
    })),
  };
}
