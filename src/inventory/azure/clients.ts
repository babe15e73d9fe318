// Builds the SDK clients of one run. Every client gets the run's retry, time
// limit and trust settings, and requests tokens for its cloud's audience.
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { ContainerServiceClient } from "@azure/arm-containerservice";
import { KeyVaultManagementClient } from "@azure/arm-keyvault";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { CertificateClient } from "@azure/keyvault-certificates";
import { KeyClient } from "@azure/keyvault-keys";
import { defaultScope } from "./cloud.js";
import { commonClientOptions, skipsChallengeCheck, type CollectContext } from "./context.js";

function armOptions(context: CollectContext, extraPolicies: PipelinePolicy[] = []) {
  const common = commonClientOptions(context);
  return {
    ...common,
    additionalPolicies: [...common.additionalPolicies, ...extraPolicies.map((policy) => ({ policy, position: "perCall" as const }))],
    endpoint: context.armEndpoint,
    credentials: { scopes: [defaultScope(context.cloud.armAudience)] },
  };
}

/** Returns the run's client for `key`, creating it on first use. */
function shared<T>(context: CollectContext, key: string, create: () => T): T {
  let client = context.clients.get(key) as T | undefined;
  if (client === undefined) {
    client = create();
    context.clients.set(key, client);
  }
  return client;
}

export function keyVaultManagementClient(context: CollectContext, subscriptionId: string): KeyVaultManagementClient {
  return shared(context, `keyvault:${subscriptionId.toLowerCase()}`, () => new KeyVaultManagementClient(context.credential, subscriptionId, armOptions(context)));
}

/** Returns the container service client of a subscription, with the extra policies of its first use. */
export function containerServiceClient(context: CollectContext, subscriptionId: string, extraPolicies: PipelinePolicy[]): ContainerServiceClient {
  return shared(context, `aks:${subscriptionId.toLowerCase()}`, () => new ContainerServiceClient(context.credential, subscriptionId, armOptions(context, extraPolicies)));
}

export function authorizationClient(context: CollectContext, subscriptionId: string): AuthorizationManagementClient {
  // arm-authorization 9.0.0 is an older client that takes `credentialScopes` instead of `credentials.scopes`.
  return shared(context, `authorization:${subscriptionId.toLowerCase()}`, () => {
    const options = armOptions(context);
    return new AuthorizationManagementClient(context.credential, subscriptionId, { ...options, credentialScopes: options.credentials.scopes });
  });
}

/**
 * Creates a data-plane key client. Key Vault rejects the first request with a 401 challenge
 * that names the resource to get a token for. The client checks that resource against the
 * vault's host, a check that only a loopback test emulator may skip.
 */
export function keyClient(context: CollectContext, storeUrl: string): KeyClient {
  return new KeyClient(storeUrl, context.credential, {
    ...commonClientOptions(context),
    disableChallengeResourceVerification: skipsChallengeCheck(context, storeUrl),
  });
}

export function certificateClient(context: CollectContext, vaultUrl: string): CertificateClient {
  return new CertificateClient(vaultUrl, context.credential, {
    ...commonClientOptions(context),
    disableChallengeResourceVerification: skipsChallengeCheck(context, vaultUrl),
  });
}
