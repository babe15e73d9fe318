// State shared by the collectors of one run: credential, endpoints, client
// settings, concurrency limits and the list of failed calls.
import { Agent } from "node:https";
import { createSecureContext, rootCertificates } from "node:tls";
import type { TokenCredential } from "@azure/identity";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { CollectionError } from "../model.js";
import { TOOL_NAME, TOOL_VERSION } from "../../version.js";
import { cloudSettings, isLoopbackUrl, type CloudSettings } from "./cloud.js";
import { Limiter, ScopedLimiters } from "./limiter.js";
import type { ClientTuning, CollectScope, ProgressEvent } from "./options.js";
import { attemptTimeoutPolicy, callTimeoutPolicy, errorBodyPolicy, retryCountPolicy } from "./policies.js";

export interface CollectContext {
  credential: TokenCredential;
  scope: CollectScope;
  cloud: CloudSettings;
  armEndpoint: string;
  graphEndpoint: string;
  tuning: ClientTuning;
  /** ARM requests, keyed by subscription id. */
  arm: ScopedLimiters;
  /** Data-plane requests, keyed by store URL. */
  dataPlane: ScopedLimiters;
  errors: CollectionError[];
  counts: { keys: number; stores: number; retries: number };
  progress: (event: ProgressEvent) => void;
  /** True when the Key Vault challenge-resource check may be skipped for loopback hosts. */
  allowLoopbackChallenge: boolean;
  /** SDK clients of the run, one per kind and subscription or store, so their connections are reused. */
  clients: Map<string, unknown>;
  /** The one connection pool of all clients when `extraCa` is set; otherwise each SDK client keeps its own. */
  agent: Agent | undefined;
}

export function createContext(
  credential: TokenCredential,
  scope: CollectScope,
  tuning: ClientTuning,
  progress: (event: ProgressEvent) => void,
  allowLoopbackChallenge: boolean,
): CollectContext {
  const cloud = cloudSettings(scope.cloud);
  const overall = new Limiter(tuning.maxConcurrency);
  return {
    credential,
    scope,
    cloud,
    armEndpoint: trimSlash(scope.armEndpoint ?? cloud.armEndpoint),
    graphEndpoint: trimSlash(scope.graphEndpoint ?? cloud.graphEndpoint),
    tuning,
    arm: new ScopedLimiters(overall, tuning.maxConcurrencyPerSubscription, "arm"),
    dataPlane: new ScopedLimiters(overall, tuning.maxConcurrencyPerStore, "dataPlane"),
    errors: [],
    counts: { keys: 0, stores: 0, retries: 0 },
    progress,
    allowLoopbackChallenge,
    clients: new Map(),
    agent: tuning.extraCa === undefined ? undefined : trustingAgent(tuning.extraCa),
  };
}

/**
 * Creates a keep-alive agent that trusts Node's roots and one extra CA. Its TLS context is
 * built once, because a `ca` option on each client makes Node parse every root certificate
 * again for each new connection, which cost milliseconds per request. A custom agent
 * bypasses the SDK's proxy settings, so it is used only when an extra CA is given.
 */
function trustingAgent(extraCa: string): Agent {
  return new Agent({ keepAlive: true, secureContext: createSecureContext({ ca: [...rootCertificates, extraCa] }) });
}

/** Returns the options that every SDK client and REST pipeline of the run gets, apart from endpoint and scopes. */
export function commonClientOptions(context: CollectContext) {
  const { tuning } = context;
  const additionalPolicies: { policy: PipelinePolicy; position: "perCall" | "perRetry" }[] = [
    { policy: callTimeoutPolicy(tuning.callTimeoutMs), position: "perCall" },
    { policy: errorBodyPolicy(), position: "perCall" },
    { policy: attemptTimeoutPolicy(tuning.attemptTimeoutMs), position: "perRetry" },
    { policy: retryCountPolicy(() => (context.counts.retries += 1)), position: "perRetry" },
  ];
  return {
    retryOptions: { maxRetries: tuning.maxRetries, retryDelayInMs: tuning.retryDelayMs, maxRetryDelayInMs: tuning.maxRetryDelayMs },
    ...(context.agent === undefined ? {} : { agent: context.agent }),
    userAgentOptions: { userAgentPrefix: `${TOOL_NAME}/${TOOL_VERSION}` },
    additionalPolicies,
  };
}

/** Returns true when a data-plane client for this URL may skip the challenge-resource check. */
export function skipsChallengeCheck(context: CollectContext, url: string): boolean {
  return context.allowLoopbackChallenge && isLoopbackUrl(url);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
