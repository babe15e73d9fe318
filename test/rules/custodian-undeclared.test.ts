import { describe, expect, it } from "vitest";
import { custodianUndeclared } from "../../src/drift/rules/custodian-undeclared.js";
import type { RoleAssignment } from "../../src/inventory/model.js";
import { check, storeNamed, workedExample, type Example } from "../support/worked-example.js";

const PLATFORM_GROUP = "4d1e7a2b-8c9f-4a3e-b5d6-0f1e2d3c4b5a";

function assign(example: Example, scope: string, roleGuid: string, principalId = PLATFORM_GROUP): RoleAssignment {
  const assignment: RoleAssignment = {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/0a1b2c3d-0000-4000-8000-000000000001`,
    scope,
    principalId,
    principalType: "Group",
    roleDefinitionId: `/subscriptions/3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
    condition: null,
  };
  example.inventory.roleAssignments!.push(assignment);
  example.inventory.principals.push({ id: principalId, displayName: "grp-platform-ops", type: "Group", state: "resolved" });
  return assignment;
}

const KEY_VAULT_ADMINISTRATOR = "00482a5a-887f-4fb3-b363-3b7fe8e74483";
const KEY_VAULT_READER = "21090545-7ca7-4776-b22c-e363652d74d2";

describe("custodian-undeclared", () => {
  it("passes for declared custodians and workloads", () => {
    const outcomes = check(custodianUndeclared, workedExample());
    expect(outcomes.filter((outcome) => outcome.status === "fail")).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status === "pass").map((outcome) => outcome.resource.declaredName).sort()).toEqual([
      "aks-kms-identity", "ana-ferreira", "ana-ferreira", "jonas-weber", "priya-raman", "priya-raman",
      "settlement-batch", "settlement-batch", "tokenisation-service", "tokenisation-service-test",
    ]);
  });

  it("fails for a grant inherited from the resource group", () => {
    const example = workedExample();
    const vault = storeNamed(example.inventory, "kv-cde-prod");
    const scope = vault.id.slice(0, vault.id.indexOf("/providers/"));
    const assignment = assign(example, scope, KEY_VAULT_ADMINISTRATOR);
    const outcomes = check(custodianUndeclared, example).filter((outcome) => outcome.resource.id === assignment.id);
    expect(outcomes.map((outcome) => [outcome.resource.store, outcome.status])).toEqual([["mhsm-cde-prod", "not-applicable"], ["kv-cde-prod", "fail"]]);
    expect(outcomes[1]!.message).toBe(
      `Principal \`grp-platform-ops\` (\`${PLATFORM_GROUP}\`) holds \`Key Vault Administrator\` on \`kv-cde-prod\` (inherited from \`${scope}\`), which can manage keys, but is neither a declared custodian nor a declared workload.`,
    );
  });

  it("judges a custom role by its data actions", () => {
    const example = workedExample();
    const vault = storeNamed(example.inventory, "kv-cde-test");
    example.inventory.roleDefinitions!.push({
      id: "/subscriptions/9d4c2b1a-0e8f-4a6b-b5c7-d8e9f0a1b2c3/providers/Microsoft.Authorization/roleDefinitions/5c6d7e8f-1111-4222-8333-944455566677",
      roleName: "Key reader with a wildcard",
      type: "CustomRole",
      permissions: [{ actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/vaults/keys/*"], notDataActions: ["Microsoft.KeyVault/vaults/keys/sign/action"] }],
    });
    const assignment = assign(example, vault.id, "5c6d7e8f-1111-4222-8333-944455566677");
    const [outcome] = check(custodianUndeclared, example).filter((candidate) => candidate.resource.id === assignment.id);
    expect(outcome!.status).toBe("fail");
  });

  it("is not applicable to a reader", () => {
    const example = workedExample();
    const assignment = assign(example, storeNamed(example.inventory, "kv-cde-test").id, KEY_VAULT_READER);
    const [outcome] = check(custodianUndeclared, example).filter((candidate) => candidate.resource.id === assignment.id);
    expect(outcome!.status).toBe("not-applicable");
    expect(outcome!.messageId).toBe("no-key-rights");
  });

  it("fails for a custodian of another store", () => {
    const example = workedExample();
    const assignment = assign(example, storeNamed(example.inventory, "kv-cde-test").id, KEY_VAULT_ADMINISTRATOR, "6f3b9d82-4a5c-4e0f-b2d7-8c9e0f1a2b3c");
    const [outcome] = check(custodianUndeclared, example).filter((candidate) => candidate.resource.id === assignment.id);
    expect(outcome!.status).toBe("fail");
    expect(outcome!.messageId).toBe("custodian-of-other-store");
  });

  it("fails for a workload that can manage keys", () => {
    const example = workedExample();
    const assignment = assign(example, storeNamed(example.inventory, "kv-cde-prod").id, KEY_VAULT_ADMINISTRATOR, "8b5d1fa4-6c7e-4a2b-94f9-0e1a2b3c4d5e");
    const [outcome] = check(custodianUndeclared, example).filter((candidate) => candidate.resource.id === assignment.id);
    expect(outcome!.messageId).toBe("workload-manages");
  });

  it("is an error when role assignments were not collected", () => {
    const example = workedExample();
    example.inventory.roleAssignments = null;
    const outcomes = check(custodianUndeclared, example);
    expect(outcomes.map((outcome) => [outcome.resource.name, outcome.status])).toEqual([
      ["mhsm-cde-prod", "error"], ["kv-cde-prod", "error"], ["kv-cde-test", "error"],
    ]);
    expect(outcomes[0]!.message).toBe("Cannot tell who can manage or use the keys in `mhsm-cde-prod`: role assignments were not collected.");
  });

  it("is an error for an unknown role definition", () => {
    const example = workedExample();
    const assignment = assign(example, storeNamed(example.inventory, "kv-cde-test").id, "99999999-9999-4999-8999-999999999999");
    const [outcome] = check(custodianUndeclared, example).filter((candidate) => candidate.resource.id === assignment.id);
    expect(outcome!.status).toBe("error");
    expect(outcome!.messageId).toBe("role-unknown");
  });
});
