import { describe, expect, it } from "vitest";
import { storePublicNetworkAccess } from "../../src/drift/rules/store-public-network-access.js";
import { storePurgeProtectionDisabled } from "../../src/drift/rules/store-purge-protection-disabled.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("store-purge-protection-disabled", () => {
  it("passes with purge protection", () => {
    expect(outcomeFor(check(storePurgeProtectionDisabled, workedExample()), "kv-cde-prod").status).toBe("pass");
  });

  it("fails without it", () => {
    const example = workedExample();
    storeNamed(example.inventory, "mhsm-cde-prod").purgeProtection = false;
    const outcome = outcomeFor(check(storePurgeProtectionDisabled, example), "mhsm-cde-prod");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key store `mhsm-cde-prod` has purge protection disabled; expected enabled.");
  });

  it("is not applicable to a soft-deleted store", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-test");
    store.state = "soft-deleted";
    store.purgeProtection = false;
    expect(outcomeFor(check(storePurgeProtectionDisabled, example), "kv-cde-test").status).toBe("not-applicable");
  });
});

describe("store-public-network-access", () => {
  it("passes for a store with public access disabled", () => {
    expect(outcomeFor(check(storePublicNetworkAccess, workedExample()), "kv-cde-prod").status).toBe("pass");
  });

  it("fails for a store open to listed IP ranges", () => {
    const outcome = outcomeFor(check(storePublicNetworkAccess, workedExample()), "kv-cde-test");
    expect(outcome.status).toBe("fail");
    expect(outcome.actual).toBe("public network access `Enabled` for 1 IP range(s): `203.0.113.0/24`");
  });

  it("fails for a firewall that allows everything", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-prod");
    store.publicNetworkAccess = "Enabled";
    store.networkAcls = null;
    expect(outcomeFor(check(storePublicNetworkAccess, example), "kv-cde-prod").actual).toBe("public network access `Enabled` with firewall default action `Allow`");
  });

  it("passes for a deny-all firewall without IP ranges", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-prod");
    store.publicNetworkAccess = "Enabled";
    expect(outcomeFor(check(storePublicNetworkAccess, example), "kv-cde-prod").status).toBe("pass");
  });
});
