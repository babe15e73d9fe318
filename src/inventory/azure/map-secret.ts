// Maps ARM secret metadata (arm-keyvault 5.0.0). ARM lists secrets with their
// attributes and never their values.
import type { Secret } from "@azure/arm-keyvault";
import type { DeployedSecret } from "../model.js";
import { dateToIso } from "./map-common.js";

/** Content types Key Vault gives the secret that backs a certificate. */
const CERTIFICATE_CONTENT_TYPES = new Set(["application/x-pkcs12", "application/x-pem-file"]);

export function mapArmSecret(secret: Secret): DeployedSecret {
  const properties = secret.properties;
  const attributes = properties.attributes ?? {};
  const contentType = properties.contentType ?? null;
  return {
    id: secret.id ?? "",
    name: secret.name ?? "",
    contentType,
    enabled: attributes.enabled !== false,
    created: dateToIso(attributes.created),
    updated: dateToIso(attributes.updated),
    expires: dateToIso(attributes.expires),
    // ARM has no `managed` flag, so a certificate's secret is recognised by its content type.
    managed: contentType !== null && CERTIFICATE_CONTENT_TYPES.has(contentType.toLowerCase()),
  };
}
