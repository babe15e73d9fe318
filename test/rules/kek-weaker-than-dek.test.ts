import { describe, expect, it } from "vitest";
import { kekWeakerThanDek } from "../../src/drift/rules/kek-weaker-than-dek.js";
import { check, keyNamed, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("kek-weaker-than-dek", () => {
  it("passes when the KEK is as strong as the DEK", () => {
    const outcome = outcomeFor(check(kekWeakerThanDek, workedExample()), "pan-dek");
    expect(outcome.status).toBe("pass");
    expect(outcome.message).toBe("Key `pan-dek`, wrapped by key `pan-kek` in `mhsm-cde-prod`, is 256 bits strong, and its key-encrypting key `oct-HSM` 256 is 256 bits.");
  });

  it("fails when the deployed KEK is weaker", () => {
    const example = workedExample();
    keyNamed(example.inventory, "mhsm-cde-prod", "pan-kek").keySize = 128;
    const outcome = outcomeFor(check(kekWeakerThanDek, example), "pan-dek");
    expect(outcome.status).toBe("fail");
    expect(outcome.actual).toBe("128 bits (`oct-HSM` 128) wraps 256 bits (`oct` 256)");
  });

  it("leaves a missing KEK to key-missing", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "mhsm-cde-prod");
    store.keys = [];
    expect(outcomeFor(check(kekWeakerThanDek, example), "pan-dek").messageId).toBe("kek-missing");
  });

  it("is an error when the KEK's store keys were not collected", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "mhsm-cde-prod");
    store.keys = null;
    example.inventory.collectionErrors.push({ scope: store.id, operation: "managedHsmKeys.list", status: 403, code: "Forbidden", message: "denied" });
    const outcome = outcomeFor(check(kekWeakerThanDek, example), "pan-dek");
    expect(outcome.status).toBe("error");
    expect(outcome.message).toBe("Key `pan-dek`, wrapped by key `pan-kek` in `mhsm-cde-prod`, cannot be compared: the key-encrypting key's strength is unknown: its keys were not collected: `managedHsmKeys.list` failed with HTTP 403 `Forbidden`.");
  });
});
