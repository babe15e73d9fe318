import { describe, expect, it } from "vitest";
import { storeInertAccessGrant } from "../../src/drift/rules/store-inert-access-grant.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

const POLICY = { tenantId: "7c1f2a9e-4b3d-4e8a-9f61-2d5c8b0a7e13", objectId: "0f0f0f0f-1111-4222-8333-444455556666", applicationId: null, permissions: { keys: ["get", "unwrapKey"], secrets: [], certificates: [], storage: [] } };

describe("store-inert-access-grant", () => {
  it("passes an RBAC vault without access policies", () => {
    expect(outcomeFor(check(storeInertAccessGrant, workedExample()), "kv-cde-prod").messageId).toBe("none");
  });

  it("fails access policies on an RBAC vault", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").accessPolicies = [POLICY];
    expect(outcomeFor(check(storeInertAccessGrant, example), "kv-cde-prod").message).toBe("Key store `kv-cde-prod` uses Azure RBAC but still has access policies for `0f0f0f0f-1111-4222-8333-444455556666`, which take effect if the vault returns to access policies.");
  });

  it("fails data-plane role assignments on an access-policy vault", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-test");
    store.permissionModel = "access-policies";
    const outcome = outcomeFor(check(storeInertAccessGrant, example), "kv-cde-test");
    expect(outcome.messageId).toBe("role-assignments-on-access-policies");
    expect(outcome.message).toBe("Key store `kv-cde-test` uses access policies but has data-plane role assignments `Key Vault Crypto Service Encryption User` for `id-tokenisation-test`, `Key Vault Administrator` for `Priya Raman`, which take effect if the vault switches to Azure RBAC.");
  });

  it("is not applicable to a Managed HSM", () => {
    expect(outcomeFor(check(storeInertAccessGrant, workedExample()), "mhsm-cde-prod").status).toBe("not-applicable");
  });

  it("is an error when access policies were not collected", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").accessPolicies = null;
    expect(outcomeFor(check(storeInertAccessGrant, example), "kv-cde-prod").status).toBe("error");
  });
});
