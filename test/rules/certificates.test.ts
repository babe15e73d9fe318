import { describe, expect, it } from "vitest";
import { certificateExpired } from "../../src/drift/rules/certificate-expired.js";
import { certificateExpiringSoon } from "../../src/drift/rules/certificate-expiring-soon.js";
import { certificateIssuerMismatch } from "../../src/drift/rules/certificate-issuer-mismatch.js";
import { certificateMissing } from "../../src/drift/rules/certificate-missing.js";
import { certificateSelfSignedAutorenew } from "../../src/drift/rules/certificate-self-signed-autorenew.js";
import { certificateSelfSignedUndeclared } from "../../src/drift/rules/certificate-self-signed-undeclared.js";
import { certificateStrengthBelowFloor } from "../../src/drift/rules/certificate-strength-below-floor.js";
import { certificateUndeclared } from "../../src/drift/rules/certificate-undeclared.js";
import { certificateNamed } from "../support/example-edits.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("certificate-missing", () => {
  it("passes for a deployed certificate", () => {
    expect(outcomeFor(check(certificateMissing, workedExample()), "api-tls").status).toBe("pass");
  });

  it("fails for a deleted certificate", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-prod");
    store.certificates = store.certificates!.filter((certificate) => certificate.name !== "api-tls");
    expect(outcomeFor(check(certificateMissing, example), "api-tls").message).toBe("Certificate `api-tls` is declared but not found in `kv-cde-prod`.");
  });

  it("is an error when certificates were not collected", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-prod");
    store.certificates = null;
    example.inventory.collectionErrors.push({ scope: store.id, operation: "certificates.list", status: 403, code: "ForbiddenByFirewall", message: "denied" });
    expect(outcomeFor(check(certificateMissing, example), "api-tls").message).toBe("Cannot tell whether certificate `api-tls` is deployed in `kv-cde-prod`: its certificates were not collected: `certificates.list` failed with HTTP 403 `ForbiddenByFirewall`.");
  });

  it("leaves certificates of a missing store to store-missing", () => {
    const example = workedExample();
    example.inventory.keyStores = example.inventory.keyStores.filter((store) => store.name !== "kv-cde-test");
    expect(outcomeFor(check(certificateMissing, example), "test-ingress-tls").messageId).toBe("store-missing");
  });
});

describe("certificate-undeclared", () => {
  it("passes for a declared certificate", () => {
    expect(outcomeFor(check(certificateUndeclared, workedExample()), "api-tls").messageId).toBe("declared");
  });

  it("fails for an undeclared certificate", () => {
    const example = workedExample();
    example.architecture.certificates = example.architecture.certificates.filter((certificate) => certificate.name !== "api-tls");
    expect(outcomeFor(check(certificateUndeclared, example), "api-tls").message).toBe("Certificate `api-tls` in `kv-cde-prod`, subject `CN=api.corvidpay.example`, is deployed but not declared.");
  });

  it("gives one error for a store whose certificates were not collected", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-test").certificates = null;
    expect(check(certificateUndeclared, example).filter((outcome) => outcome.status === "error").map((outcome) => outcome.resource.name)).toEqual(["kv-cde-test"]);
  });
});

describe("certificate-expired", () => {
  it("passes before expiry", () => {
    expect(outcomeFor(check(certificateExpired, workedExample()), "api-tls").message).toBe("Certificate `api-tls` in `kv-cde-prod` is valid until 2027-05-19.");
  });

  it("fails after expiry", () => {
    expect(outcomeFor(check(certificateExpired, workedExample(), "2027-06-01T00:00:00Z"), "api-tls").message).toBe("Certificate `api-tls` in `kv-cde-prod` expired on 2027-05-19 and is still enabled.");
  });

  it("is not applicable to a disabled certificate", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").enabled = false;
    expect(outcomeFor(check(certificateExpired, example), "api-tls").status).toBe("not-applicable");
  });

  it("is an error without an expiry date", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").expires = null;
    expect(outcomeFor(check(certificateExpired, example), "api-tls").status).toBe("error");
  });
});

describe("certificate-expiring-soon", () => {
  it("passes outside the window", () => {
    expect(outcomeFor(check(certificateExpiringSoon, workedExample()), "acquirer-client").status).toBe("pass");
  });

  it("fails within the window", () => {
    expect(outcomeFor(check(certificateExpiringSoon, workedExample(), "2027-02-15T00:00:00Z"), "acquirer-client").message).toBe("Certificate `acquirer-client` in `kv-cde-prod` expires on 2027-03-01, within the warning window P30D.");
  });

  it("leaves expired certificates to certificate-expired", () => {
    expect(outcomeFor(check(certificateExpiringSoon, workedExample(), "2027-03-02T00:00:00Z"), "acquirer-client").messageId).toBe("expired");
  });
});

describe("certificate-strength-below-floor", () => {
  it("passes RSA 2048", () => {
    expect(outcomeFor(check(certificateStrengthBelowFloor, workedExample()), "api-tls").actual).toBe("112 bits (`RSA` 2048)");
  });

  it("fails RSA 1024", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").keySize = 1024;
    expect(outcomeFor(check(certificateStrengthBelowFloor, example), "api-tls").message).toBe("Certificate `api-tls` in `kv-cde-prod` has a `RSA` 1024 key, 80 bits of strength; expected at least 112 bits.");
  });

  it("is an error without a key type", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").keyType = null;
    expect(outcomeFor(check(certificateStrengthBelowFloor, example), "api-tls").status).toBe("error");
  });
});

describe("certificate-self-signed-undeclared", () => {
  it("passes a self-signed certificate declared so", () => {
    expect(outcomeFor(check(certificateSelfSignedUndeclared, workedExample()), "test-ingress-tls").status).toBe("pass");
  });

  it("fails a self-signed certificate declared CA-issued", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").selfSigned = true;
    expect(outcomeFor(check(certificateSelfSignedUndeclared, example), "api-tls").message).toBe("Certificate `api-tls` in `kv-cde-prod` is self-signed, but its issuer is declared as `DigiCert Global G2 TLS RSA SHA256 2020 CA1`.");
  });

  it("is not applicable to a CA-issued certificate", () => {
    expect(outcomeFor(check(certificateSelfSignedUndeclared, workedExample()), "api-tls").status).toBe("not-applicable");
  });
});

describe("certificate-issuer-mismatch", () => {
  it("passes when the issuer's common name matches", () => {
    expect(outcomeFor(check(certificateIssuerMismatch, workedExample()), "api-tls").messageId).toBe("matches");
  });

  it("fails another CA", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").issuer = "CN=R11, O=Let's Encrypt, C=US";
    expect(outcomeFor(check(certificateIssuerMismatch, example), "api-tls").message).toBe("Certificate `api-tls` in `kv-cde-prod` is issued by `CN=R11, O=Let's Encrypt, C=US`, expected `DigiCert Global G2 TLS RSA SHA256 2020 CA1`.");
  });

  it("fails a CA-issued certificate declared self-signed", () => {
    const example = workedExample();
    const certificate = certificateNamed(example.inventory, "kv-cde-test", "test-ingress-tls");
    certificate.selfSigned = false;
    certificate.issuer = "CN=R11, O=Let's Encrypt, C=US";
    expect(outcomeFor(check(certificateIssuerMismatch, example), "test-ingress-tls").messageId).toBe("ca-issued-not-self");
  });

  it("leaves an unexpected self-signed certificate to its own rule", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").selfSigned = true;
    expect(outcomeFor(check(certificateIssuerMismatch, example), "api-tls").status).toBe("not-applicable");
  });
});

describe("certificate-self-signed-autorenew", () => {
  it("passes a CA policy", () => {
    expect(outcomeFor(check(certificateSelfSignedAutorenew, workedExample()), "api-tls").actual).toBe("policy issuer `DigiCert`");
  });

  it("fails a CA-issued certificate set to renew as self-signed", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").policy!.issuerName = "Self";
    expect(outcomeFor(check(certificateSelfSignedAutorenew, example), "api-tls").message).toBe("Certificate `api-tls` in `kv-cde-prod` is CA-issued, but its policy names issuer `Self` with AutoRenew, so its next renewal will replace it with a self-signed certificate.");
  });

  it("fails a self-issuer policy without AutoRenew as manual renewal", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "acquirer-client").policy!.issuerName = "Self";
    expect(outcomeFor(check(certificateSelfSignedAutorenew, example), "acquirer-client").messageId).toBe("manual-renewal");
  });

  it("is not applicable to a self-signed certificate", () => {
    expect(outcomeFor(check(certificateSelfSignedAutorenew, workedExample()), "test-ingress-tls").status).toBe("not-applicable");
  });

  it("is an error without a policy", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").policy = null;
    expect(outcomeFor(check(certificateSelfSignedAutorenew, example), "api-tls").status).toBe("error");
  });
});
