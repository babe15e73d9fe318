// The second validation layer: names that must be unique, references that
// must resolve, and combinations the schema cannot express. Every problem is
// collected, so one run lists them all.
import { parseDuration } from "../model/duration.js";
import { keyStrength } from "../model/strength.js";
import { closestMatch } from "../schema/suggest.js";
import type { Architecture } from "./model.js";
import { type FieldPath, formatDiagnostic, type SourceMap } from "./source-map.js";

export interface RuleCatalogue {
  ids: readonly string[];
  /** Rules that keep the build fail-closed and so cannot be turned off. */
  alwaysOn: readonly string[];
}

class Diagnostics {
  private readonly entries: { line: number; column: number; text: string }[] = [];
  constructor(private readonly sourceMap: SourceMap) {}

  add(path: FieldPath, message: string): void {
    const at = this.sourceMap.locate(path);
    this.entries.push({ ...at, text: formatDiagnostic(at, path, message) });
  }

  addAtKey(path: FieldPath, name: string, message: string): void {
    const at = this.sourceMap.locateKey(path, name);
    this.entries.push({ ...at, text: formatDiagnostic(at, [...path, name], message) });
  }

  /** Returns the diagnostics in file order. */
  sorted(): string[] {
    return [...this.entries].sort((a, b) => a.line - b.line || a.column - b.column).map((entry) => entry.text);
  }

  /** Reports `value` at `path` unless it names an entry of `section`. */
  reference(path: FieldPath, value: string | undefined, names: ReadonlySet<string>, what: string, section: string): void {
    if (value === undefined || names.has(value)) return;
    const suggestion = closestMatch(value, [...names]);
    const hint = suggestion === undefined ? "" : ` (did you mean \`${suggestion}\`?)`;
    this.add(path, `unknown ${what} \`${value}\`; expected one of the names under \`${section}\`${hint}`);
  }
}

function checkUniqueNames(diagnostics: Diagnostics, section: string, entries: readonly { name: string }[], what: string): Set<string> {
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = firstIndex.get(entry.name);
    if (first === undefined) firstIndex.set(entry.name, index);
    else diagnostics.add([section, index, "name"], `duplicate ${what} name \`${entry.name}\`, first declared at ${section}[${first}]; expected each name once`);
  });
  return new Set(firstIndex.keys());
}

/** Returns every cross-reference problem in `architecture` as a formatted diagnostic. */
export function checkCrossReferences(architecture: Architecture, sourceMap: SourceMap, rules: RuleCatalogue): string[] {
  const diagnostics = new Diagnostics(sourceMap);
  const a = architecture;

  const environments = checkUniqueNames(diagnostics, "environments", a.environments, "environment");
  const algorithms = checkUniqueNames(diagnostics, "algorithms", a.algorithms, "algorithm");
  const protocols = checkUniqueNames(diagnostics, "protocols", a.protocols, "protocol");
  const stores = checkUniqueNames(diagnostics, "keyStores", a.keyStores, "key store");
  const custodians = checkUniqueNames(diagnostics, "custodians", a.custodians, "custodian");
  const keys = checkUniqueNames(diagnostics, "keys", a.keys, "key");
  const certificates = checkUniqueNames(diagnostics, "certificates", a.certificates, "certificate");
  checkUniqueNames(diagnostics, "workloads", a.workloads, "workload");
  const clusters = checkUniqueNames(diagnostics, "clusters", a.clusters, "cluster");
  checkUniqueNames(diagnostics, "dataFlows", a.dataFlows, "data flow");

  checkEnvironments(diagnostics, a);
  checkStores(diagnostics, a, environments);
  checkKeys(diagnostics, a, { environments, algorithms, stores, custodians, keys });

  a.certificates.forEach((certificate, index) => {
    diagnostics.reference(["certificates", index, "store"], certificate.store, stores, "key store", "keyStores");
    diagnostics.reference(["certificates", index, "protocol"], certificate.protocol, protocols, "protocol", "protocols");
    certificate.custodians.forEach((name, position) =>
      diagnostics.reference(["certificates", index, "custodians", position], name, custodians, "custodian", "custodians"));
  });
  a.protocols.forEach((protocol, index) =>
    protocol.certificates.forEach((name, position) =>
      diagnostics.reference(["protocols", index, "certificates", position], name, certificates, "certificate", "certificates")));
  a.custodians.forEach((custodian, index) =>
    custodian.stores.forEach((name, position) =>
      diagnostics.reference(["custodians", index, "stores", position], name, stores, "key store", "keyStores")));

  checkWorkloads(diagnostics, a, { environments, clusters, keys });
  a.clusters.forEach((cluster, index) => {
    diagnostics.reference(["clusters", index, "environment"], cluster.environment, environments, "environment", "environments");
    diagnostics.reference(["clusters", index, "kms", "key"], cluster.kms?.key, keys, "key", "keys");
    diagnostics.reference(["clusters", index, "ingressCertificate"], cluster.ingressCertificate, certificates, "certificate", "certificates");
  });
  a.dataFlows.forEach((flow, index) => {
    diagnostics.reference(["dataFlows", index, "protocol"], flow.protocol, protocols, "protocol", "protocols");
    flow.keys.forEach((name, position) => diagnostics.reference(["dataFlows", index, "keys", position], name, keys, "key", "keys"));
  });

  checkRules(diagnostics, a, rules);
  return diagnostics.sorted();
}

function checkEnvironments(diagnostics: Diagnostics, a: Architecture): void {
  const owner = new Map<string, string>();
  a.environments.forEach((environment, index) =>
    environment.subscriptions.forEach((subscription, position) => {
      const id = subscription.toLowerCase();
      const previous = owner.get(id);
      if (previous !== undefined && previous !== environment.name) {
        diagnostics.add(["environments", index, "subscriptions", position],
          `subscription \`${subscription}\` is already listed under environment \`${previous}\`; production and test must not share a subscription`);
      }
      owner.set(id, environment.name);
    }));
}

function checkStores(diagnostics: Diagnostics, a: Architecture, environments: ReadonlySet<string>): void {
  const byResourceId = new Map<string, number>();
  a.keyStores.forEach((store, index) => {
    diagnostics.reference(["keyStores", index, "environment"], store.environment, environments, "environment", "environments");
    const id = store.resourceId.toLowerCase();
    const first = byResourceId.get(id);
    if (first !== undefined) diagnostics.add(["keyStores", index, "resourceId"], `resource id is already used by keyStores[${first}]; expected each key store once`);
    else byResourceId.set(id, index);

    const provider = store.type === "managed-hsm" ? "/providers/microsoft.keyvault/managedhsms/" : "/providers/microsoft.keyvault/vaults/";
    if (!id.includes(provider)) {
      diagnostics.add(["keyStores", index, "resourceId"], `a \`${store.type}\` store's resource id must contain \`${provider.replace("microsoft.keyvault", "Microsoft.KeyVault").replace("managedhsms", "managedHSMs")}\``);
    } else if (!id.endsWith(`/${store.name.toLowerCase()}`)) {
      diagnostics.add(["keyStores", index, "resourceId"], `resource id ends in a name other than \`${store.name}\`; expected the store's name as the last segment`);
    }
  });
}

function checkKeys(
  diagnostics: Diagnostics,
  a: Architecture,
  names: { environments: ReadonlySet<string>; algorithms: ReadonlySet<string>; stores: ReadonlySet<string>; custodians: ReadonlySet<string>; keys: ReadonlySet<string> },
): void {
  const byStoreAndName = new Map<string, number>();
  const storeByName = new Map(a.keyStores.map((store) => [store.name, store]));
  const keyByName = new Map(a.keys.map((key) => [key.name, key]));
  const algorithmByName = new Map(a.algorithms.map((algorithm) => [algorithm.name, algorithm]));
  a.keys.forEach((key, index) => {
    const at = (field: string): FieldPath => ["keys", index, field];
    diagnostics.reference(at("store"), key.store, names.stores, "key store", "keyStores");
    diagnostics.reference(at("wrappedBy"), key.wrappedBy, names.keys, "key", "keys");
    diagnostics.reference(at("algorithm"), key.algorithm, names.algorithms, "algorithm", "algorithms");
    const algorithm = key.algorithm === undefined ? undefined : algorithmByName.get(key.algorithm);
    if (algorithm?.curve !== undefined && key.curve !== undefined && algorithm.curve !== key.curve) {
      diagnostics.add(at("algorithm"), `algorithm \`${algorithm.name}\` uses curve \`${algorithm.curve}\`, but the key's curve is \`${key.curve}\`; expected an algorithm on the same curve`);
    }
    if (algorithm?.keySize !== undefined && key.size !== undefined && algorithm.keySize !== key.size) {
      diagnostics.add(at("algorithm"), `algorithm \`${algorithm.name}\` uses ${algorithm.keySize}-bit keys, but the key's size is ${key.size}; expected an algorithm with the same key size`);
    }
    key.custodians.forEach((name, position) => diagnostics.reference(["keys", index, "custodians", position], name, names.custodians, "custodian", "custodians"));

    const inheritsFromUnknown = (key.store !== undefined && !names.stores.has(key.store)) || (key.wrappedBy !== undefined && !names.keys.has(key.wrappedBy));
    if (key.environment !== "") diagnostics.reference(at("environment"), key.environment, names.environments, "environment", "environments");
    else if (!inheritsFromUnknown) diagnostics.add(["keys", index], "has no environment; set `environment`, or `store` or `wrappedBy` to inherit one");

    const store = key.store === undefined ? undefined : storeByName.get(key.store);
    if (store !== undefined && key.environment !== "" && store.environment !== key.environment) {
      diagnostics.add(at("environment"), `key is declared in environment \`${key.environment}\` but its store \`${store.name}\` belongs to \`${store.environment}\`; production and test keys must not share a store`);
    }
    if (store !== undefined) {
      const storeAndName = `${store.name}/${key.azureName.toLowerCase()}`;
      const first = byStoreAndName.get(storeAndName);
      if (first !== undefined && a.keys[first]?.name !== key.name) diagnostics.add(at("name"), `key store \`${store.name}\` already has a key named \`${key.azureName}\` at keys[${first}]; Key Vault key names are unique per store, ignoring case`);
      else byStoreAndName.set(storeAndName, index);
    }

    const wrapping = key.wrappedBy === undefined ? undefined : keyByName.get(key.wrappedBy);
    if (wrapping !== undefined && wrapping.usage !== "key-encryption" && wrapping.usage !== "aks-kms") {
      diagnostics.add(at("wrappedBy"), `\`${wrapping.name}\` has usage \`${wrapping.usage}\`; expected a key with usage \`key-encryption\``);
    }
    if (key.wrappedBy === key.name) diagnostics.add(at("wrappedBy"), "a key cannot wrap itself");

    checkKeyShape(diagnostics, index, key);
  });
}

function isZeroDuration(text: string): boolean {
  const duration = parseDuration(text);
  return duration !== null && Object.values(duration).every((part) => part === 0);
}

function checkKeyShape(diagnostics: Diagnostics, index: number, key: Architecture["keys"][number]): void {
  const at = (field: string): FieldPath => ["keys", index, field];
  const family = key.type.replace(/-HSM$/, "");
  if (family === "EC" && key.size !== undefined) diagnostics.add(at("size"), `an \`${key.type}\` key has a curve, not a size; remove \`size\` and set \`curve\``);
  if (family !== "EC" && key.curve !== undefined) diagnostics.add(at("curve"), `an \`${key.type}\` key has a size, not a curve; remove \`curve\` and set \`size\``);
  const strength = keyStrength(key.type, key.size, key.curve);
  if (!strength.ok) {
    const field = family === "EC" ? "curve" : "size";
    const expected = { EC: "`P-256`, `P-384` or `P-521`", RSA: "a modulus size such as `3072`" }[family] ?? "`128`, `192` or `256`";
    diagnostics.add(at(field), `the key's strength cannot be computed: ${strength.reason}; expected ${expected}`);
  }
  for (const [field, value] of [["cryptoperiod", key.cryptoperiod], ["every", key.rotation?.every]] as const) {
    if (value !== undefined && isZeroDuration(value)) {
      diagnostics.add(field === "every" ? ["keys", index, "rotation", "every"] : at("cryptoperiod"), `\`${value}\` is a zero-length duration; expected a positive one such as \`P1Y\``);
    }
  }
  if (key.rotation?.every !== undefined && !key.rotation.automatic) {
    diagnostics.add(["keys", index, "rotation", "every"], "sets a rotation interval for a key whose rotation is not automatic; set `automatic: true` or remove `every`");
  }
}

function checkWorkloads(
  diagnostics: Diagnostics,
  a: Architecture,
  names: { environments: ReadonlySet<string>; clusters: ReadonlySet<string>; keys: ReadonlySet<string> },
): void {
  const custodianIds = new Map(a.custodians.map((custodian) => [custodian.principalId.toLowerCase(), custodian.name]));
  const keyByName = new Map(a.keys.map((key) => [key.name, key]));
  a.workloads.forEach((workload, index) => {
    diagnostics.reference(["workloads", index, "environment"], workload.environment, names.environments, "environment", "environments");
    diagnostics.reference(["workloads", index, "cluster"], workload.cluster, names.clusters, "cluster", "clusters");
    workload.uses.forEach((use, position) => {
      diagnostics.reference(["workloads", index, "uses", position, "key"], use.key, names.keys, "key", "keys");
      const key = keyByName.get(use.key);
      const unsupported = key === undefined ? [] : use.operations.filter((operation) => !key.keyOps.includes(operation));
      if (unsupported.length > 0) {
        diagnostics.add(["workloads", index, "uses", position, "operations"],
          `key \`${use.key}\` does not allow ${unsupported.map((operation) => `\`${operation}\``).join(", ")}; expected operations from its keyOps: ${key!.keyOps.map((operation) => `\`${operation}\``).join(", ")}`);
      }
    });
    const custodian = custodianIds.get(workload.principalId.toLowerCase());
    if (custodian !== undefined) {
      diagnostics.add(["workloads", index, "principalId"], `principal is also custodian \`${custodian}\`; key users and key custodians must be different identities`);
    }
  });
}

function checkRules(diagnostics: Diagnostics, a: Architecture, rules: RuleCatalogue): void {
  const known = new Set(rules.ids);
  for (const [id, setting] of Object.entries(a.rules)) {
    if (!known.has(id)) {
      const suggestion = closestMatch(id, rules.ids);
      diagnostics.addAtKey(["rules"], id, `unknown rule \`${id}\`${suggestion === undefined ? "" : ` (did you mean \`${suggestion}\`?)`}; run \`cryptodoc drift --help\` for the rule list`);
    } else if (setting === "off" && rules.alwaysOn.includes(id)) {
      diagnostics.addAtKey(["rules"], id, `rule \`${id}\` cannot be turned off, because the build must fail closed; set a severity instead`);
    }
  }
  a.waivers.forEach((waiver, index) => {
    if (rules.alwaysOn.includes(waiver.rule)) {
      diagnostics.add(["waivers", index, "rule"], `rule \`${waiver.rule}\` keeps the build fail-closed, so its results cannot be waived; fix the cause instead`);
      return;
    }
    if (known.has(waiver.rule)) return;
    const suggestion = closestMatch(waiver.rule, rules.ids);
    diagnostics.add(["waivers", index, "rule"], `unknown rule \`${waiver.rule}\`${suggestion === undefined ? "" : ` (did you mean \`${suggestion}\`?)`}; a waiver must name a rule id`);
  });
}
