import { describe, expect, it } from "vitest";
import { storeAuditLoggingDisabled } from "../../src/drift/rules/store-audit-logging-disabled.js";
import { storePermissionModelMismatch } from "../../src/drift/rules/store-permission-model-mismatch.js";
import { storeSoftDeleteRetentionLow } from "../../src/drift/rules/store-soft-delete-retention-low.js";
import { storeTypeMismatch } from "../../src/drift/rules/store-type-mismatch.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("store-permission-model-mismatch", () => {
  it("passes when the model matches", () => {
    expect(outcomeFor(check(storePermissionModelMismatch, workedExample()), "kv-cde-prod").status).toBe("pass");
  });

  it("fails when the vault uses access policies", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").permissionModel = "access-policies";
    const outcome = outcomeFor(check(storePermissionModelMismatch, example), "kv-cde-prod");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key store `kv-cde-prod` uses permission model `access-policies`, expected `rbac`.");
  });

  it("is not applicable without a declared model", () => {
    const example = workedExample();
    delete example.architecture.keyStores.find((store) => store.name === "kv-cde-prod")!.permissionModel;
    expect(outcomeFor(check(storePermissionModelMismatch, example), "kv-cde-prod").status).toBe("not-applicable");
  });
});

describe("store-soft-delete-retention-low", () => {
  it("passes at 90 days", () => {
    expect(outcomeFor(check(storeSoftDeleteRetentionLow, workedExample()), "kv-cde-prod").actual).toBe("90 days");
  });

  it("fails below the policy's minimum", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").softDelete.retentionDays = 7;
    expect(outcomeFor(check(storeSoftDeleteRetentionLow, example), "kv-cde-prod").message).toBe("Key store `kv-cde-prod` keeps deleted keys for 7 days, expected at least 90.");
  });

  it("fails with soft delete disabled", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").softDelete.enabled = false;
    expect(outcomeFor(check(storeSoftDeleteRetentionLow, example), "kv-cde-prod").messageId).toBe("disabled");
  });

  it("is an error when the retention is unknown", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").softDelete.retentionDays = null;
    expect(outcomeFor(check(storeSoftDeleteRetentionLow, example), "kv-cde-prod").status).toBe("error");
  });

  it("is not applicable to a soft-deleted store", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").state = "soft-deleted";
    expect(outcomeFor(check(storeSoftDeleteRetentionLow, example), "kv-cde-prod").status).toBe("not-applicable");
  });
});

describe("store-type-mismatch", () => {
  it("passes when type and SKU match", () => {
    expect(outcomeFor(check(storeTypeMismatch, workedExample()), "mhsm-cde-prod").message).toBe("Key store `mhsm-cde-prod` is a Managed HSM `Standard_B1`, as declared.");
  });

  it("fails a standard vault declared premium", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").sku = "standard";
    const outcome = outcomeFor(check(storeTypeMismatch, example), "kv-cde-prod");
    expect(outcome.messageId).toBe("sku-weaker");
    expect(outcome.message).toBe("Key store `kv-cde-prod` is a Key Vault `standard`, expected a Key Vault `premium`; a standard vault cannot hold HSM-protected keys.");
  });

  it("fails a vault declared as a Managed HSM", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "mhsm-cde-prod");
    store.type = "key-vault";
    store.sku = "premium";
    expect(outcomeFor(check(storeTypeMismatch, example), "mhsm-cde-prod").message).toBe("Key store `mhsm-cde-prod` is a Key Vault `premium`, expected a Managed HSM `Standard_B1`.");
  });
});

describe("store-audit-logging-disabled", () => {
  it("passes with audit logging", () => {
    expect(outcomeFor(check(storeAuditLoggingDisabled, workedExample()), "kv-cde-prod").status).toBe("pass");
  });

  it("fails without audit logging", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-prod").auditLogging = false;
    expect(outcomeFor(check(storeAuditLoggingDisabled, example), "kv-cde-prod").message).toBe("Key store `kv-cde-prod` has no diagnostic setting that sends the AuditEvent category.");
  });

  it("is an error when diagnostic settings were not collected", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-prod");
    store.auditLogging = null;
    example.inventory.collectionErrors.push({ scope: store.id, operation: "diagnosticSettings.list", status: 403, code: "AuthorizationFailed", message: "denied" });
    expect(outcomeFor(check(storeAuditLoggingDisabled, example), "kv-cde-prod").message).toBe("Cannot tell whether key store `kv-cde-prod` sends audit events: its diagnostic settings were not collected: `diagnosticSettings.list` failed with HTTP 403 `AuthorizationFailed`.");
  });
});
