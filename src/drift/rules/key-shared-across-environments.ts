import type { Estate, KeyPair, StorePair } from "../estate.js";
import type { Outcome, Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyRef, storeRef } from "../resources.js";
import { isProductionKey } from "../evidence.js";
import { quoted } from "../text.js";

const side = (production: boolean) => (production ? "production" : "non-production");

/** Whether the named environment is production; an unknown one counts as production. */
function isProductionEnvironment(estate: Estate, name: string | null | undefined): boolean {
  return estate.architecture.environments.find((environment) => environment.name === name)?.production ?? true;
}

/** Judges whether a deployed store sits in a subscription of the other side from its declared environment. */
function checkStore(estate: Estate, store: StorePair): Outcome {
  const resource = storeRef(store);
  const declaredAt = store.declared!.at;
  const subscription = store.deployed!.subscriptionId.toLowerCase();
  const owner = estate.architecture.environments.find((environment) => environment.subscriptions.some((id) => id.toLowerCase() === subscription));
  const expected = `a subscription of a ${side(isProductionEnvironment(estate, store.declared!.environment))} environment`;
  if (owner === undefined) {
    return notApplicable({ resource, declaredAt, expected, messageId: "subscription-unassigned", message: `Key store \`${store.name}\` is in subscription \`${subscription}\`, which no environment lists.` });
  }
  const actual = `subscription of \`${owner.name}\``;
  return owner.production === isProductionEnvironment(estate, store.declared!.environment)
    ? pass({ resource, declaredAt, expected, actual, messageId: "store-in-environment", message: `Key store \`${store.name}\` is declared in \`${store.declared!.environment}\` and deployed in a subscription of \`${owner.name}\`.` })
    : fail({ resource, declaredAt, expected, actual, messageId: "store-crosses-environments", message: `Key store \`${store.name}\` is declared in \`${store.declared!.environment}\` but deployed in a subscription of \`${owner.name}\`, so production and test keys share a store.` });
}

/** Lists the declared workloads and clusters of the other side that use the key. */
function crossUsers(estate: Estate, pair: KeyPair, production: boolean): string[] {
  const name = pair.declared?.name;
  if (name === undefined) return [];
  const users: string[] = [];
  for (const workload of estate.architecture.workloads) {
    if (workload.uses.some((use) => use.key === name) && isProductionEnvironment(estate, workload.environment) !== production) users.push(`workload ${quoted(workload.name)} (${workload.environment})`);
  }
  for (const cluster of estate.architecture.clusters) {
    if (cluster.kms?.key === name && isProductionEnvironment(estate, cluster.environment) !== production) users.push(`cluster ${quoted(cluster.name)} (${cluster.environment})`);
  }
  return users;
}

function checkKey(estate: Estate, pair: KeyPair, production: Map<KeyPair, boolean>, byThumbprint: Map<string, KeyPair[]>): Outcome {
  const deployed = pair.deployed!;
  const isProduction = production.get(pair)!;
  const fields = { resource: keyRef(pair), declaredAt: pair.declared?.at ?? null, expected: `used only in ${side(isProduction)}` };
  const users = crossUsers(estate, pair, isProduction);
  if (users.length > 0) {
    return fail({ ...fields, actual: `also used by ${users.join(", ")}`, messageId: "used-across", message: `${describeKey(pair)} is a ${side(isProduction)} key but is declared for use by ${users.join(", ")}.` });
  }
  if (deployed.kty.replace(/-HSM$/, "") === "oct") {
    return notApplicable({ ...fields, messageId: "symmetric", message: `${describeKey(pair)} is symmetric; its key material is never read, so copies in other environments cannot be detected.` });
  }
  if (deployed.publicKeyThumbprint === null) {
    return undecided({ ...fields, actual: "unknown", messageId: "thumbprint-unknown", message: `${describeKey(pair)} has no public-key thumbprint in the inventory, so copies in other environments cannot be ruled out.` });
  }
  const copies = (byThumbprint.get(deployed.publicKeyThumbprint) ?? []).filter((other) => production.get(other) !== isProduction);
  if (copies.length > 0) {
    const names = copies.map((copy) => describeKey(copy).replace(/^Key /, "")).join(", ");
    return fail({ ...fields, actual: `same public key as ${names}`, messageId: "same-public-key", message: `${describeKey(pair)} is a ${side(isProduction)} key with the same public key as ${side(!isProduction)} key ${names}.` });
  }
  return pass({ ...fields, actual: `used only in ${side(isProduction)}`, messageId: "separate", message: `${describeKey(pair)} has a public key found in no ${side(!isProduction)} store.` });
}

export const keySharedAcrossEnvironments: Rule = {
  id: "key-shared-across-environments",
  title: "Production and test never share a key, a key store or a public key",
  severity: "critical",
  requirements: ["3.6.1.1"],
  rationale:
    "The architecture description must show how the same keys are kept out of production and test. A production key copied into a test store, a store deployed into the other environment's subscription, or a production key used by a test workload exposes production key material to people and systems outside the cardholder data environment.",
  remediation: {
    text: "Generate separate keys for each environment, delete the copy, and move stores into a subscription of their own environment.",
    command: "az keyvault key delete --vault-name <test vault> --name <key>",
  },
  notes: "Public keys are compared by their RFC 7638 JWK SHA-256 thumbprint. Symmetric keys are not applicable, since their material is never read. An environment that cannot be determined counts as production. A declared key in a store of another environment is rejected when architecture.yaml is loaded.",
  check(estate) {
    const outcomes: Outcome[] = [];
    for (const store of estate.stores) {
      if (store.declared !== null && store.deployed !== null) outcomes.push(checkStore(estate, store));
    }
    const production = new Map(estate.keys.map((pair) => [pair, isProductionKey(pair, estate.architecture.environments)]));
    const byThumbprint = new Map<string, KeyPair[]>();
    for (const pair of estate.keys) {
      const thumbprint = pair.deployed?.publicKeyThumbprint;
      if (thumbprint !== null && thumbprint !== undefined) byThumbprint.set(thumbprint, [...(byThumbprint.get(thumbprint) ?? []), pair]);
    }
    for (const pair of estate.keys) {
      if (pair.deployed !== null) outcomes.push(checkKey(estate, pair, production, byThumbprint));
    }
    return outcomes;
  },
};
