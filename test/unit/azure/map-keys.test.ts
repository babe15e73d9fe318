// Key, rotation policy, certificate and secret mappings on real recorded
// responses, passed through the SDKs' own deserializers.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mapCertificate } from "../../../src/inventory/azure/map-certificate.js";
import { mapArmKey, mapArmKeyVersions, withDataPlaneKey } from "../../../src/inventory/azure/map-key.js";
import { mapDataPlaneRotationPolicy } from "../../../src/inventory/azure/map-rotation-policy.js";
import { mapArmSecret } from "../../../src/inventory/azure/map-secret.js";
import { recording } from "../../support/recordings.js";
import { sdk } from "./sdk-shapes.js";

/** RFC 7638 thumbprint computed from the recorded JWK members as sent, without our byte handling. */
function thumbprintOf(members: string): string {
  return createHash("sha256").update(members).digest("base64url");
}

describe("mapArmKey", () => {
  it("maps the ARM key GET", () => {
    const key = mapArmKey(sdk.armKey(recording("arm-keys/arm-key-get-SPEC-EXAMPLE.json")));

    expect(key).toEqual({
      id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/sample-group/providers/Microsoft.KeyVault/vaults/sample-vault-name/keys/sample-key-name",
      name: "sample-key-name",
      kid: "https://sample-vault-name.vault.azure.net/keys/sample-key-name",
      kty: "RSA",
      keySize: 2048,
      curve: null,
      keyOps: ["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"],
      enabled: true,
      created: "2020-08-27T12:57:31.000Z",
      updated: "2020-08-27T12:57:31.000Z",
      notBefore: null,
      expires: null,
      exportable: null,
      hasReleasePolicy: null,
      managed: false,
      hsmPlatform: null,
      currentVersion: "fd618d9519b74f9aae94ade66b876acc",
      versions: null,
      rotationPolicy: null,
      publicKeyThumbprint: null,
      tags: {},
    });
  });

  it("list item has no key type", () => {
    const list = recording<{ value: unknown[] }>("arm-keys/arm-keys-list-SPEC-EXAMPLE.json");
    const key = mapArmKey(sdk.armKey(list.value[0]));

    expect(key.kty).toBe("");
    expect(key.keySize).toBeNull();
    expect(key.currentVersion).toBeNull();
    expect(key.created).toBe("2020-08-03T22:29:56.000Z");
  });

  it("versions sort by creation", () => {
    const body = recording<Record<string, unknown>>("arm-keys/arm-key-get-SPEC-EXAMPLE.json");
    const properties = body["properties"] as Record<string, unknown>;
    const older = { ...body, name: "0ld", properties: { ...properties, keyUriWithVersion: "https://v.vault.azure.net:443/keys/k/0ld", attributes: { enabled: false, created: 1500000000, exp: 1600000000 } } };

    expect(mapArmKeyVersions([sdk.armKey(body), sdk.armKey(older)])).toEqual([
      { version: "0ld", enabled: false, created: "2017-07-14T02:40:00.000Z", notBefore: null, expires: "2020-09-13T12:26:40.000Z" },
      { version: "fd618d9519b74f9aae94ade66b876acc", enabled: true, created: "2020-08-27T12:57:31.000Z", notBefore: null, expires: null },
    ]);
  });
});

describe("withDataPlaneKey", () => {
  it("RSA size and thumbprint from the modulus", () => {
    const body = recording<{ key: { n: string; e: string } }>("dataplane-keys/key-get-rsa-2048.json");
    const base = { ...mapArmKey(sdk.armKey(recording("arm-keys/arm-key-get-SPEC-EXAMPLE.json"))), keySize: null };
    const key = withDataPlaneKey(base, sdk.dataPlaneKey(body));

    expect(key.keySize).toBe(2048);
    expect(key.publicKeyThumbprint).toBe(thumbprintOf(`{"e":"${body.key.e}","kty":"RSA","n":"${body.key.n}"}`));
    expect(key.exportable).toBe(false);
    expect(key.hsmPlatform).toBeNull();
    expect(key.managed).toBe(false);
    expect(key.hasReleasePolicy).toBe(false);
  });

  it("EC curve and thumbprint", () => {
    const body = recording<{ key: { crv: string; x: string; y: string } }>("dataplane-keys/key-create-ec-p256.json");
    const base = { ...mapArmKey(sdk.armKey(recording("arm-keys/arm-key-get-SPEC-EXAMPLE.json"))), kty: "", keySize: null };
    const key = withDataPlaneKey(base, sdk.dataPlaneKey(body));

    expect(key.kty).toBe("EC");
    expect(key.curve).toBe("P-256");
    expect(key.keySize).toBeNull();
    expect(key.publicKeyThumbprint).toBe(thumbprintOf(`{"crv":"P-256","kty":"EC","x":"${body.key.x}","y":"${body.key.y}"}`));
  });

  it("hsmPlatform string from API 7.5", () => {
    const key = withDataPlaneKey(mapArmKey(sdk.armKey(recording("arm-keys/arm-key-get-SPEC-EXAMPLE.json"))), sdk.dataPlaneKey(recording("dataplane-keys/key-rotate-rsa-new-version-with-exp.json")));

    expect(key.hsmPlatform).toBe("0");
  });
});

describe("mapDataPlaneRotationPolicy", () => {
  it("lower-cases PascalCase actions", () => {
    expect(mapDataPlaneRotationPolicy(sdk.rotationPolicy(recording("rotation-policy/rotation-policy-get-explicit-rotate.json")))).toEqual({
      expiryTime: "P30D",
      lifetimeActions: [
        { action: "rotate", timeAfterCreate: "P15D", timeBeforeExpiry: null },
        { action: "notify", timeAfterCreate: null, timeBeforeExpiry: "P7D" },
      ],
    });
  });

  it("7.3-preview nulls mean no actions", () => {
    expect(mapDataPlaneRotationPolicy(sdk.rotationPolicy(recording("rotation-policy/rotation-policy-get-no-policy-7.3-preview-nulls.json")))).toEqual({
      expiryTime: null,
      lifetimeActions: [],
    });
  });
});

describe("mapCertificate", () => {
  it("reads the X.509 of a completed certificate", () => {
    const certificate = mapCertificate(sdk.certificate(recording("dataplane-certificates/certificate-get-self-signed-completed.json")));

    expect(certificate).toMatchObject({
      name: "listCertificateName-canlistcertificatesbypage-0",
      subject: "CN=MyCert",
      issuer: "CN=MyCert",
      selfSigned: true,
      keyType: "RSA",
      keySize: 2048,
      curve: null,
      pending: false,
      enabled: true,
      policy: { issuerName: "Self", lifetimeActions: [{ action: "AutoRenew", lifetimePercentage: 80, daysBeforeExpiry: null }] },
    });
    expect(certificate.id).toBe("https://keyvault_name.vault.azure.net/certificates/listCertificateName-canlistcertificatesbypage-0");
    expect(certificate.thumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(certificate.notBefore! < certificate.expires!).toBe(true);
  });

  it("pending certificate has no X.509", () => {
    const certificate = mapCertificate(sdk.certificate(recording("dataplane-certificates/certificate-get-self-signed-while-pending.json")));

    expect(certificate).toMatchObject({ pending: true, enabled: false, issuer: "", selfSigned: false, thumbprintSha256: null, notBefore: null, expires: null, keyType: "RSA", keySize: 2048 });
    expect(certificate.subject).toBe("cn=MyCert");
  });
});

describe("mapArmSecret", () => {
  it("maps metadata and certificate content type", () => {
    const body = {
      id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v/secrets/api-tls",
      name: "api-tls",
      type: "Microsoft.KeyVault/vaults/secrets",
      properties: { contentType: "application/x-pkcs12", attributes: { enabled: true, created: 1700000000, updated: 1700000001, exp: 1800000000 } },
    };

    expect(mapArmSecret(sdk.secret(body))).toEqual({
      id: body.id,
      name: "api-tls",
      contentType: "application/x-pkcs12",
      enabled: true,
      created: "2023-11-14T22:13:20.000Z",
      updated: "2023-11-14T22:13:21.000Z",
      expires: "2027-01-15T08:00:00.000Z",
      managed: true,
    });
  });
});
