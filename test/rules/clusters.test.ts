import { describe, expect, it } from "vitest";
import { aksCsiRotationDisabled } from "../../src/drift/rules/aks-csi-rotation-disabled.js";
import { aksKmsKeyUnusable } from "../../src/drift/rules/aks-kms-key-unusable.js";
import { aksKmsKeyVersionStale } from "../../src/drift/rules/aks-kms-key-version-stale.js";
import { aksKmsNotCustomerManaged } from "../../src/drift/rules/aks-kms-not-customer-managed.js";
import { clusterMissing } from "../../src/drift/rules/cluster-missing.js";
import { clusterUndeclared } from "../../src/drift/rules/cluster-undeclared.js";
import { clusterNamed } from "../support/example-edits.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

const OLD_VERSION = "https://kv-cde-prod.vault.azure.net/keys/aks-etcd-kms/4e94ec473d0a0b38aa837f74ff051894";

describe("cluster-missing and cluster-undeclared", () => {
  it("pass for the declared, deployed cluster", () => {
    expect(outcomeFor(check(clusterMissing, workedExample()), "aks-cde-prod").status).toBe("pass");
    expect(outcomeFor(check(clusterUndeclared, workedExample()), "aks-cde-prod").status).toBe("pass");
  });

  it("fail for a missing and an undeclared cluster", () => {
    const example = workedExample();
    example.inventory.clusters = [];
    expect(outcomeFor(check(clusterMissing, example), "aks-cde-prod").messageId).toBe("missing");
    const undeclared = workedExample();
    undeclared.architecture.clusters = [];
    expect(outcomeFor(check(clusterUndeclared, undeclared), "aks-cde-prod").message).toBe("Cluster `aks-cde-prod` in resource group `rg-cde-aks-prod` is deployed but not declared.");
  });

  it("are errors when clusters were not collected", () => {
    const example = workedExample();
    example.inventory.clusters = null;
    example.inventory.collectionErrors.push({ scope: "/subscriptions/3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f", operation: "managedClusters.list", status: 403, code: "AuthorizationFailed", message: "denied" });
    expect(outcomeFor(check(clusterMissing, example), "aks-cde-prod").message).toBe("Cannot tell whether cluster `aks-cde-prod` is deployed: the cluster listing was not collected.");
    expect(check(clusterUndeclared, example).map((outcome) => outcome.status)).toEqual(["error"]);
  });
});

describe("aks-kms-not-customer-managed", () => {
  it("passes for the declared key", () => {
    expect(outcomeFor(check(aksKmsNotCustomerManaged, workedExample()), "aks-cde-prod").messageId).toBe("declared-key");
  });

  it("fails with platform-managed keys", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").kms.state = "platform-managed";
    expect(outcomeFor(check(aksKmsNotCustomerManaged, example), "aks-cde-prod").message).toBe("Cluster `aks-cde-prod` encrypts etcd with a platform-managed key, expected customer-managed key `aks-etcd-kms`.");
  });

  it("fails with another key", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").kms.keyId = "https://kv-cde-prod.vault.azure.net/keys/export-kek/3c907cae300581207f0af176bb5ddcd0";
    expect(outcomeFor(check(aksKmsNotCustomerManaged, example), "aks-cde-prod").messageId).toBe("other-key");
  });

  it("is not applicable without a declared key", () => {
    const example = workedExample();
    delete example.architecture.clusters[0]!.kms;
    expect(outcomeFor(check(aksKmsNotCustomerManaged, example), "aks-cde-prod").status).toBe("not-applicable");
  });
});

describe("aks-kms-key-version-stale", () => {
  it("passes for the current version", () => {
    expect(outcomeFor(check(aksKmsKeyVersionStale, workedExample()), "aks-cde-prod").status).toBe("pass");
  });

  it("fails for an older version", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").kms.keyId = OLD_VERSION;
    expect(outcomeFor(check(aksKmsKeyVersionStale, example), "aks-cde-prod").message).toBe("Cluster `aks-cde-prod` uses version `4e94ec473d0a0b38aa837f74ff051894` of KMS key `aks-etcd-kms`, expected the current version `3ceeb969434ca9c330caa15406d9212b`.");
  });

  it("matches key ids with the default port", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").kms.keyId = "https://KV-CDE-PROD.vault.azure.net:443/keys/aks-etcd-kms/3ceeb969434ca9c330caa15406d9212b";
    expect(outcomeFor(check(aksKmsKeyVersionStale, example), "aks-cde-prod").status).toBe("pass");
  });

  it("is an error for a key not in the inventory", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").kms.keyId = "https://kv-other.vault.azure.net/keys/kms/1";
    expect(outcomeFor(check(aksKmsKeyVersionStale, example), "aks-cde-prod").status).toBe("error");
  });
});

describe("aks-kms-key-unusable", () => {
  it("leaves the current version to the key rules", () => {
    expect(outcomeFor(check(aksKmsKeyUnusable, workedExample()), "aks-cde-prod").messageId).toBe("current-version");
  });

  it("passes an older pinned version that is still usable", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").kms.keyId = OLD_VERSION;
    expect(outcomeFor(check(aksKmsKeyUnusable, example), "aks-cde-prod").status).toBe("pass");
  });

  it("fails an expired, disabled pinned version", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").kms.keyId = OLD_VERSION;
    keyNamed(example.inventory, "kv-cde-prod", "aks-etcd-kms").versions![0]!.enabled = false;
    expect(outcomeFor(check(aksKmsKeyUnusable, example, "2026-12-15T00:00:00Z"), "aks-cde-prod").message).toBe("Cluster `aks-cde-prod` pins version `4e94ec473d0a0b38aa837f74ff051894` of `aks-etcd-kms`, which is disabled and expired on 2026-12-01.");
  });

  it("is an error when the pinned version is unknown", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").kms.keyId = OLD_VERSION;
    keyNamed(example.inventory, "kv-cde-prod", "aks-etcd-kms").versions = null;
    expect(outcomeFor(check(aksKmsKeyUnusable, example), "aks-cde-prod").status).toBe("error");
  });
});

describe("aks-csi-rotation-disabled", () => {
  it("passes with rotation", () => {
    expect(outcomeFor(check(aksCsiRotationDisabled, workedExample()), "aks-cde-prod").message).toBe("Cluster `aks-cde-prod` rotates Secrets Store CSI secrets every 2m.");
  });

  it("fails without rotation", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").secretsStoreCsi.rotationEnabled = false;
    expect(outcomeFor(check(aksCsiRotationDisabled, example), "aks-cde-prod").messageId).toBe("disabled");
  });

  it("fails a declared add-on that is not running", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").secretsStoreCsi.enabled = false;
    expect(outcomeFor(check(aksCsiRotationDisabled, example), "aks-cde-prod").messageId).toBe("addon-disabled");
  });

  it("is not applicable without the add-on", () => {
    const example = workedExample();
    clusterNamed(example.inventory, "aks-cde-prod").secretsStoreCsi.enabled = false;
    delete example.architecture.clusters[0]!.secretsStoreCsi;
    expect(outcomeFor(check(aksCsiRotationDisabled, example), "aks-cde-prod").status).toBe("not-applicable");
  });
});
