import { describe, expect, it } from "vitest";
import { keyStrength } from "../../src/model/strength.js";

describe("key strength", () => {
  it.each([
    ["RSA", 2048, null, 112],
    ["RSA-HSM", 3072, null, 128],
    ["RSA-HSM", 4096, null, 128],
    ["RSA", 7680, null, 192],
    ["RSA", 1024, null, 80],
    ["EC-HSM", null, "P-256", 128],
    ["EC", null, "P-384", 192],
    ["EC-HSM", null, "P-521", 256],
    ["EC", null, "P-256K", 128],
    ["oct-HSM", 256, null, 256],
    ["oct", 128, null, 128],
  ] as const)("%s %s %s is %i bits", (kty, size, curve, bits) => {
    const result = keyStrength(kty, size, curve);
    expect(result.ok && result.bits).toBe(bits);
  });

  it("shows a modulus below 1024 as under 80 bits", () => {
    expect(keyStrength("RSA", 512, null)).toEqual({ ok: true, bits: 0, display: "< 80", family: "RSA" });
  });

  it.each([
    ["RSA", null, null, "key type `RSA` has no size"],
    ["EC", null, null, "key type `EC` has no curve"],
    ["EC", null, "secp256r1", "curve `secp256r1` is not one of `P-256`, `P-256K`, `P-384`, `P-521`"],
    ["oct-HSM", 512, null, "symmetric key size `512` is not 128, 192 or 256 bits"],
    ["DSA", 2048, null, "key type `DSA` is not one of `RSA`, `RSA-HSM`, `EC`, `EC-HSM`, `oct`, `oct-HSM`"],
  ] as const)("refuses to guess for %s %s %s", (kty, size, curve, reason) => {
    expect(keyStrength(kty, size, curve)).toEqual({ ok: false, reason });
  });
});
