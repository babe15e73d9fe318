// Key Vault and Managed HSM data-plane paths of the emulator: key metadata,
// rotation policies, deleted keys, certificates and Managed HSM local RBAC.
import { createHash } from "node:crypto";
import type { DataPlaneAccess, EstateCertificate, EstateKey } from "./estate.js";
import { pageOf, type PagingSettings } from "./paging.js";
import { azureError, notFound, ok, type EmulatorRequest, type Reply } from "./reply.js";
import { currentVersion, dataPlaneKeyBundle, dataPlaneKeyItem, dataPlaneRotationPolicy } from "./wire-keys.js";

export interface DataPlaneStore {
  name: string;
  kind: "vault" | "hsm";
  url: string;
  access: DataPlaneAccess;
  keys: EstateKey[];
  certificates: EstateCertificate[];
  deletedKeys: { name: string; deletedDate: number; scheduledPurgeDate: number }[];
  localRoleAssignments: Record<string, unknown>[];
  localRoleDefinitions: Record<string, unknown>[];
}

// Messages as Key Vault writes them, first line only.
const DENIALS: Record<Exclude<DataPlaneAccess, "reachable">, { innerCode: string; message: string }> = {
  firewall: { innerCode: "ForbiddenByFirewall", message: "Client address is not authorized and caller is not a trusted service." },
  rbac: { innerCode: "ForbiddenByRbac", message: "Caller is not authorized to perform action on resource." },
  "private-link": {
    innerCode: "ForbiddenByConnection",
    message: "Public network access is disabled and request is not from a trusted service nor via an approved private link.",
  },
};

export function handleDataPlane(store: DataPlaneStore, request: EmulatorRequest, paging: PagingSettings): Reply {
  if (store.access !== "reachable") {
    const denial = DENIALS[store.access];
    return azureError(403, "Forbidden", denial.message, denial.innerCode);
  }
  const path = request.path;
  const list = (items: unknown[]) => ok(pageOf(items, request.url, paging));

  if (store.kind === "hsm") {
    if (/^\/+providers\/microsoft\.authorization\/roleassignments$/i.test(path)) return list(store.localRoleAssignments);
    if (/^\/+providers\/microsoft\.authorization\/roledefinitions$/i.test(path)) return list(store.localRoleDefinitions);
  }
  if (/^\/keys\/?$/i.test(path)) return list(store.keys.map((key) => dataPlaneKeyItem(store.url, key)));
  if (/^\/deletedkeys\/?$/i.test(path)) {
    return list(
      store.deletedKeys.map((deleted) => ({
        kid: `${store.url}keys/${deleted.name}`,
        recoveryId: `${store.url}deletedkeys/${deleted.name}`,
        deletedDate: deleted.deletedDate,
        scheduledPurgeDate: deleted.scheduledPurgeDate,
        attributes: { enabled: true, created: deleted.deletedDate - 86_400, updated: deleted.deletedDate - 86_400, recoveryLevel: "Recoverable+Purgeable", recoverableDays: 90 },
      })),
    );
  }
  const keyPath = /^\/keys\/([^/]+)(?:\/([^/]*))?\/?$/i.exec(path);
  if (keyPath !== null) {
    const key = store.keys.find((candidate) => candidate.name.toLowerCase() === decodeURIComponent(keyPath[1] ?? "").toLowerCase());
    if (key === undefined) return azureError(404, "KeyNotFound", `A key with (name/id) ${keyPath[1]} was not found in this key vault.`);
    const segment = keyPath[2] ?? "";
    if (segment.toLowerCase() === "rotationpolicy") return ok(dataPlaneRotationPolicy(store.url, key));
    if (segment.toLowerCase() === "versions") return list(key.versions.map((version) => dataPlaneKeyBundle(store.url, store.name, key, version)));
    const version = segment === "" ? currentVersion(key) : key.versions.find((candidate) => candidate.version === segment);
    return version === undefined ? notFound("key version", path) : ok(dataPlaneKeyBundle(store.url, store.name, key, version));
  }
  if (store.kind === "vault" && /^\/certificates\/?$/i.test(path)) {
    const includePending = request.url.searchParams.get("includePending") === "true";
    return list(store.certificates.filter((certificate) => includePending || certificate.cer !== undefined).map((certificate) => certificateItem(store.url, certificate)));
  }
  const certificatePath = /^\/certificates\/([^/]+)\/?$/i.exec(path);
  if (store.kind === "vault" && certificatePath !== null) {
    const certificate = store.certificates.find((candidate) => candidate.name.toLowerCase() === (certificatePath[1] ?? "").toLowerCase());
    if (certificate === undefined) return azureError(404, "CertificateNotFound", `A certificate with (name/id) ${certificatePath[1]} was not found in this key vault.`);
    return ok(certificateBundle(store.url, certificate));
  }
  return azureError(400, "BadParameter", `The emulator has no data-plane path \`${path}\`.`);
}

function certificateAttributes(certificate: EstateCertificate) {
  return { enabled: certificate.enabled, created: certificate.created, updated: certificate.updated };
}

function thumbprint(certificate: EstateCertificate): string | undefined {
  if (certificate.cer === undefined) return undefined;
  return createSha1(Buffer.from(certificate.cer, "base64"));
}

/** List items carry an empty subject and no recovery level, as recorded at API 7.3. */
function certificateItem(url: string, certificate: EstateCertificate) {
  return { id: `${url}certificates/${certificate.name}`, x5t: thumbprint(certificate), attributes: certificateAttributes(certificate), tags: {}, subject: "" };
}

function certificateBundle(url: string, certificate: EstateCertificate) {
  const version = "0123456789abcdef0123456789abcdef";
  return {
    id: `${url}certificates/${certificate.name}/${version}`,
    kid: `${url}keys/${certificate.name}/${version}`,
    sid: `${url}secrets/${certificate.name}/${version}`,
    ...(certificate.cer === undefined ? { pending: { id: `${url}certificates/${certificate.name}/pending` } } : { x5t: thumbprint(certificate), cer: certificate.cer }),
    attributes: { ...certificateAttributes(certificate), recoveryLevel: "Recoverable+Purgeable" },
    policy: certificate.policy,
  };
}

function createSha1(der: Buffer): string {
  return createHash("sha1").update(der).digest("base64url");
}
