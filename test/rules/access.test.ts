import { describe, expect, it } from "vitest";
import { accessGrantorUndeclared } from "../../src/drift/rules/access-grantor-undeclared.js";
import { custodianAcknowledgementStale } from "../../src/drift/rules/custodian-acknowledgement-stale.js";
import { custodianCountExceeded } from "../../src/drift/rules/custodian-count-exceeded.js";
import { custodianUnassigned } from "../../src/drift/rules/custodian-unassigned.js";
import { custodianUndeclared } from "../../src/drift/rules/custodian-undeclared.js";
import { principalOrphaned } from "../../src/drift/rules/principal-orphaned.js";
import { workloadAccessExceedsUsage } from "../../src/drift/rules/workload-access-exceeds-usage.js";
import { assignRole, role } from "../support/example-edits.js";
import type { Custodian } from "../../src/declared/model.js";
import { check, outcomeFor, storeNamed, workedExample, type Example } from "../support/worked-example.js";

const STRANGER = "3c3c3c3c-aaaa-4bbb-8ccc-dddddddddddd";
const PROD_SUBSCRIPTION = "/subscriptions/3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f";
/** Turns a custodian into a group, in the declaration and in its role assignments. */
function makeGroup(example: Example, name: string): Custodian {
  const custodian = example.architecture.custodians.find((candidate) => candidate.name === name)!;
  custodian.principalType = "Group";
  for (const assignment of example.inventory.roleAssignments!) {
    if (assignment.principalId === custodian.principalId) assignment.principalType = "Group";
  }
  return custodian;
}

const KEY_ADMIN = role("Key Admin Light", ["Microsoft.KeyVault/vaults/keys/*"], [], ["Microsoft.KeyVault/vaults/keys/delete"]);

describe("custodian-undeclared with custom roles and inherited scopes", () => {
  it("fails an undeclared principal with a custom role inherited from the subscription", () => {
    const example = workedExample();
    assignRole(example.inventory, STRANGER, PROD_SUBSCRIPTION, KEY_ADMIN);
    const outcome = check(custodianUndeclared, example).find((candidate) => candidate.resource.name === STRANGER && candidate.resource.store === "kv-cde-prod")!;
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe(`Principal \`${STRANGER}\` holds \`Key Admin Light\` on \`kv-cde-prod\` (inherited from \`${PROD_SUBSCRIPTION}\`), which can manage keys, but is neither a declared custodian nor a declared workload.`);
  });

  it("ignores a custom role whose not-data actions remove every key right", () => {
    const example = workedExample();
    assignRole(example.inventory, STRANGER, PROD_SUBSCRIPTION, role("Nothing", ["Microsoft.KeyVault/vaults/keys/*"], [], ["Microsoft.KeyVault/vaults/keys/*"]));
    const outcome = check(custodianUndeclared, example).find((candidate) => candidate.resource.name === STRANGER && candidate.resource.store === "kv-cde-prod")!;
    expect(outcome.messageId).toBe("no-key-rights");
  });
});

describe("custodian-count-exceeded", () => {
  it("passes two custodians", () => {
    expect(outcomeFor(check(custodianCountExceeded, workedExample()), "kv-cde-prod").message).toBe("2 of at most 3 people can manage the keys in `kv-cde-prod`: `Ana Ferreira`, `Jonas Weber`.");
  });

  it("fails above the policy's maximum", () => {
    const example = workedExample();
    example.architecture.policy.maxCustodiansPerStore = 1;
    expect(outcomeFor(check(custodianCountExceeded, example), "kv-cde-prod").status).toBe("fail");
  });

  it("counts a group as its declared members", () => {
    const example = workedExample();
    makeGroup(example, "jonas-weber").members = 4;
    const outcome = outcomeFor(check(custodianCountExceeded, example), "kv-cde-prod");
    expect(outcome.status).toBe("fail");
    expect(outcome.actual).toBe("5");
  });

  it("is an error for a group without a member count", () => {
    const example = workedExample();
    makeGroup(example, "jonas-weber");
    expect(outcomeFor(check(custodianCountExceeded, example), "kv-cde-prod").message).toBe("Cannot count who can manage the keys in `kv-cde-prod`: custodian group `Jonas Weber` declares no `members`.");
  });

  it("is an error when role assignments were not collected", () => {
    const example = workedExample();
    example.inventory.roleAssignments = null;
    expect(outcomeFor(check(custodianCountExceeded, example), "kv-cde-prod").status).toBe("error");
  });
});

describe("custodian-unassigned", () => {
  it("passes a custodian with a key-management role", () => {
    const outcome = check(custodianUnassigned, workedExample()).find((candidate) => candidate.resource.id === "declared:custodians/jonas-weber/kv-cde-prod")!;
    expect(outcome.message).toBe("Custodian `jonas-weber` holds `Key Vault Crypto Officer` on `kv-cde-prod`.");
  });

  it("fails a custodian without one", () => {
    const example = workedExample();
    example.inventory.roleAssignments = example.inventory.roleAssignments!.filter((assignment) => !(assignment.principalId.startsWith("6f3b9d82") && assignment.scope.endsWith("kv-cde-prod")));
    const outcome = check(custodianUnassigned, example).find((candidate) => candidate.resource.id === "declared:custodians/jonas-weber/kv-cde-prod")!;
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Custodian `jonas-weber` is declared for `kv-cde-prod` but holds no role or access policy there that can manage keys.");
  });

  it("is an error when role assignments were not collected", () => {
    const example = workedExample();
    example.inventory.roleAssignments = null;
    expect(check(custodianUnassigned, example).every((outcome) => outcome.status === "error")).toBe(true);
  });
});

describe("custodian-acknowledgement-stale", () => {
  it("passes a recent acknowledgement", () => {
    expect(outcomeFor(check(custodianAcknowledgementStale, workedExample()), "ana-ferreira").message).toBe("Custodian `ana-ferreira` acknowledged their responsibilities on 2026-03-02; the next acknowledgement is due on 2027-03-02.");
  });

  it("fails after twelve months", () => {
    expect(outcomeFor(check(custodianAcknowledgementStale, workedExample(), "2027-03-02T00:00:00Z"), "ana-ferreira").status).toBe("fail");
  });
});

describe("principal-orphaned", () => {
  it("passes existing principals", () => {
    expect(check(principalOrphaned, workedExample()).every((outcome) => outcome.status === "pass")).toBe(true);
  });

  it("fails a deleted principal", () => {
    const example = workedExample();
    example.inventory.principals.find((principal) => principal.displayName === "Jonas Weber")!.state = "deleted";
    const outcome = check(principalOrphaned, example).find((candidate) => candidate.status === "fail")!;
    expect(outcome.message).toBe("Principal `6f3b9d82-4a5c-4e0f-b2d7-8c9e0f1a2b3c` holds `Key Vault Crypto Officer` on `kv-cde-prod` (at the store) but no longer exists.");
  });

  it("is an error for a principal that was not looked up", () => {
    const example = workedExample();
    example.inventory.principals.find((principal) => principal.displayName === "Jonas Weber")!.state = "unresolved";
    expect(check(principalOrphaned, example).filter((outcome) => outcome.status === "error").map((outcome) => outcome.messageId)).toEqual(["principal-unknown"]);
  });
});

describe("access-grantor-undeclared", () => {
  it("passes a Managed HSM custodian who can assign roles", () => {
    expect(check(accessGrantorUndeclared, workedExample()).map((outcome) => `${outcome.status} ${outcome.resource.name}`)).toEqual(["pass Priya Raman"]);
  });

  it("fails an undeclared Owner inherited from the subscription", () => {
    const example = workedExample();
    assignRole(example.inventory, STRANGER, PROD_SUBSCRIPTION, role("Owner", [], ["*"]));
    const outcome = check(accessGrantorUndeclared, example).find((candidate) => candidate.resource.store === "kv-cde-prod")!;
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe(`Principal \`${STRANGER}\` holds \`Owner\` on \`kv-cde-prod\` (inherited from \`${PROD_SUBSCRIPTION}\`), which can create role assignments (\`Microsoft.Authorization/roleAssignments/write\`), but is not a declared custodian of the store.`);
  });

  it("fails vaults/write on an access-policy vault", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-test");
    store.permissionModel = "access-policies";
    assignRole(example.inventory, STRANGER, store.id, role("Vault Contributor", [], ["Microsoft.KeyVault/vaults/write"]));
    const outcome = check(accessGrantorUndeclared, example).find((candidate) => candidate.resource.name === STRANGER)!;
    expect(outcome.status).toBe("fail");
    expect(outcome.actual).toBe("not a custodian of this store");
  });

  it("is an error when role assignments were not collected", () => {
    const example = workedExample();
    example.inventory.roleAssignments = null;
    expect(check(accessGrantorUndeclared, example).every((outcome) => outcome.status === "error")).toBe(true);
  });
});

describe("workload-access-exceeds-usage", () => {
  it("passes grants limited by the key's own operations", () => {
    const outcomes = check(workloadAccessExceedsUsage, workedExample());
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
  });

  it("fails a store-wide grant that reaches other keys", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-prod");
    assignRole(example.inventory, "0d7f3bc6-8e9a-4c4d-b6b1-2a3b4c5d6e7f", store.id, role("Crypto User", ["Microsoft.KeyVault/vaults/keys/*/action"], [], ["Microsoft.KeyVault/vaults/keys/create/action", "Microsoft.KeyVault/vaults/keys/import/action", "Microsoft.KeyVault/vaults/keys/update/action", "Microsoft.KeyVault/vaults/keys/backup/action", "Microsoft.KeyVault/vaults/keys/restore/action", "Microsoft.KeyVault/vaults/keys/recover/action", "Microsoft.KeyVault/vaults/keys/rotate/action", "Microsoft.KeyVault/vaults/keys/release/action"]));
    const outcome = check(workloadAccessExceedsUsage, example).find((candidate) => candidate.status === "fail")!;
    expect(outcome.message).toBe("Principal `id-settlement-prod` (`0d7f3bc6-8e9a-4c4d-b6b1-2a3b4c5d6e7f`), workload `settlement-batch`, holds `Crypto User` on `kv-cde-prod` (at the store), which also allows `acquirer-client`: `sign`, `verify`; `aks-etcd-kms`: `wrapKey`, `unwrapKey`; `api-tls`: `sign`, `verify`, `encrypt`, `decrypt`, `wrapKey`, `unwrapKey`; `export-kek`: `unwrapKey`; `migration-temp-2026`: `encrypt`, `decrypt`, `wrapKey`, `unwrapKey`; `settlement-signing`: `verify`, beyond its declared use.");
  });

  it("is an error when the store's grants were not collected", () => {
    const example = workedExample();
    example.inventory.roleAssignments = null;
    expect(check(workloadAccessExceedsUsage, example).map((outcome) => `${outcome.status} ${outcome.resource.name}`).sort()).toEqual(["error kv-cde-prod", "error kv-cde-prod", "error kv-cde-test", "error mhsm-cde-prod"]);
  });
});
