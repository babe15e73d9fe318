import { describe, expect, it } from "vitest";
import { keyVersionWithoutExpiry } from "../../src/drift/rules/key-version-without-expiry.js";
import { outcomeIn } from "../support/example-edits.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-version-without-expiry", () => {
  it("passes when older versions have expiry dates", () => {
    const outcome = outcomeFor(check(keyVersionWithoutExpiry, workedExample()), "aks-etcd-kms");
    expect(outcome.status).toBe("pass");
    expect(outcome.message).toBe("Key `aks-etcd-kms` in `kv-cde-prod` has 1 older version(s), each disabled or with an expiry date.");
  });

  it("fails for an enabled older version without expiry", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "aks-etcd-kms").versions![0]!.expires = null;
    const outcome = outcomeFor(check(keyVersionWithoutExpiry, example), "aks-etcd-kms");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `aks-etcd-kms` in `kv-cde-prod` has older version(s) `4e94ec473d0a0b38aa837f74ff051894` enabled without an expiry date.");
  });

  it("passes a disabled older version without expiry", () => {
    const example = workedExample();
    const version = keyNamed(example.inventory, "mhsm-cde-prod", "pan-kek").versions![0]!;
    version.expires = null;
    expect(outcomeIn(check(keyVersionWithoutExpiry, example), "mhsm-cde-prod", "pan-kek").status).toBe("pass");
  });

  it("is not applicable to a key with one version", () => {
    expect(outcomeFor(check(keyVersionWithoutExpiry, workedExample()), "export-kek").messageId).toBe("single-version");
  });

  it("is an error when versions were not collected", () => {
    const example = workedExample();
    const key = keyNamed(example.inventory, "kv-cde-prod", "aks-etcd-kms");
    key.versions = null;
    example.inventory.collectionErrors.push({ scope: key.id, operation: "keys.listVersions", status: 403, code: "ForbiddenByRbac", message: "denied" });
    const outcome = outcomeFor(check(keyVersionWithoutExpiry, example), "aks-etcd-kms");
    expect(outcome.status).toBe("error");
    expect(outcome.message).toBe("Cannot tell whether Key `aks-etcd-kms` in `kv-cde-prod` has older versions without expiry: its versions were not collected: `keys.listVersions` failed with HTTP 403 `ForbiddenByRbac`.");
  });
});
