// Reduces a public JSON Web Key to its RFC 7638 thumbprint and strength.
import { createHash } from "node:crypto";

interface PublicJwk {
  kty?: string;
  n?: Uint8Array;
  e?: Uint8Array;
  crv?: string;
  x?: Uint8Array;
  y?: Uint8Array;
}

/**
 * Returns the RFC 7638 SHA-256 thumbprint, base64url, of an RSA or EC public key, or null for
 * symmetric keys and keys without public parts. Key Vault's `-HSM` key types are
 * thumbprinted as their base type, and RSA integers lose any leading zero bytes, because
 * RFC 7518 encodes them in the fewest octets.
 */
export function publicKeyThumbprint(jwk: PublicJwk): string | null {
  const kty = (jwk.kty ?? "").replace(/-HSM$/i, "").toUpperCase();
  let members: string;
  if (kty === "RSA" && jwk.n !== undefined && jwk.e !== undefined) {
    members = `{"e":"${base64url(stripLeadingZeros(jwk.e))}","kty":"RSA","n":"${base64url(stripLeadingZeros(jwk.n))}"}`;
  } else if (kty === "EC" && jwk.crv !== undefined && jwk.x !== undefined && jwk.y !== undefined) {
    members = `{"crv":"${jwk.crv}","kty":"EC","x":"${base64url(jwk.x)}","y":"${base64url(jwk.y)}"}`;
  } else {
    return null;
  }
  return createHash("sha256").update(members, "utf8").digest("base64url");
}

/** Returns the RSA modulus length in bits, or null for other key types, whose strength comes from the curve or the size. */
export function publicKeySize(jwk: PublicJwk): number | null {
  if (jwk.n === undefined) return null;
  return stripLeadingZeros(jwk.n).length * 8;
}

function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  return bytes.subarray(start);
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}
