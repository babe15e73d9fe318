// Keeps the wire `properties.securityProfile` of AKS clusters, because
// arm-containerservice 25.3.0 drops fields newer than itself, such as the
// platform-managed etcd encryption profile.
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

/** Wire security profiles keyed by lower-cased cluster id. */
export type RawSecurityProfiles = Map<string, Record<string, unknown>>;

interface WireCluster {
  id?: string;
  properties?: { securityProfile?: Record<string, unknown> };
}

/** Records the security profile of every cluster in a successful response, single or listed. */
export function rawSecurityProfilePolicy(sink: RawSecurityProfiles): PipelinePolicy {
  return {
    name: "cryptodocRawSecurityProfile",
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status === 200 && typeof response.bodyAsText === "string") {
        try {
          const body = JSON.parse(response.bodyAsText) as WireCluster & { value?: WireCluster[] };
          for (const cluster of body.value ?? [body]) {
            if (cluster.id !== undefined && cluster.properties?.securityProfile !== undefined) {
              sink.set(cluster.id.toLowerCase(), cluster.properties.securityProfile);
            }
          }
        } catch {
          // Not JSON: the SDK reports it when it deserializes the same body.
        }
      }
      return response;
    },
  };
}
