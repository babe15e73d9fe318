// Comparable security strength in bits, after NIST SP 800-57 Part 1 Rev. 5,
// table 2. A key type, size or curve this table does not cover is an error,
// never a guessed default.

export type StrengthResult =
  | { ok: true; bits: number; display: string; family: "RSA" | "EC" | "AES" }
  | { ok: false; reason: string };

// Modulus sizes and their strength: RSA-4096 reaches 128 bits, not 192.
const RSA_STRENGTH: [modulusBits: number, bits: number][] = [
  [15360, 256],
  [7680, 192],
  [3072, 128],
  [2048, 112],
  [1024, 80],
];

// secp256k1 (Azure's `P-256K`) is not a NIST curve; it counts by its size, 128 bits.
const CURVE_STRENGTH: Record<string, number> = { "P-256": 128, "P-256K": 128, "P-384": 192, "P-521": 256 };

const AES_SIZES = new Set([128, 192, 256]);

/** Computes the comparable strength of a key from its Key Vault type, size and curve. */
export function keyStrength(kty: string, size: number | null | undefined, curve: string | null | undefined): StrengthResult {
  const family = kty.replace(/-HSM$/, "");

  if (family === "RSA") {
    if (size === null || size === undefined) return { ok: false, reason: `key type \`${kty}\` has no size` };
    const row = RSA_STRENGTH.find(([modulus]) => size >= modulus);
    if (row === undefined) return { ok: true, bits: 0, display: "< 80", family: "RSA" };
    return { ok: true, bits: row[1], display: String(row[1]), family: "RSA" };
  }

  if (family === "EC") {
    if (curve === null || curve === undefined) return { ok: false, reason: `key type \`${kty}\` has no curve` };
    const bits = CURVE_STRENGTH[curve];
    if (bits === undefined) return { ok: false, reason: `curve \`${curve}\` is not one of \`P-256\`, \`P-256K\`, \`P-384\`, \`P-521\`` };
    return { ok: true, bits, display: String(bits), family: "EC" };
  }

  if (family === "oct") {
    if (size === null || size === undefined) return { ok: false, reason: `key type \`${kty}\` has no size` };
    if (!AES_SIZES.has(size)) return { ok: false, reason: `symmetric key size \`${size}\` is not 128, 192 or 256 bits` };
    return { ok: true, bits: size, display: String(size), family: "AES" };
  }

  return { ok: false, reason: `key type \`${kty}\` is not one of \`RSA\`, \`RSA-HSM\`, \`EC\`, \`EC-HSM\`, \`oct\`, \`oct-HSM\`` };
}

/** Whether Key Vault keeps the key inside a hardware security module. */
export function isHsmKeyType(kty: string): boolean {
  return kty.endsWith("-HSM");
}
