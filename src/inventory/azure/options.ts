// What a live collection is asked to do and how its HTTP clients behave.
import type { TokenCredential } from "@azure/identity";
import type { CloudName } from "./cloud.js";

export interface CollectScope {
  tenantId: string;
  /** Subscription ids to collect; empty when a management group is given. */
  subscriptions: string[];
  managementGroup: string | null;
  /** Resource group names; empty means every group. Compared case-insensitively. */
  resourceGroups: string[];
  /** Key store names or resource ids; empty means every store. Compared case-insensitively. */
  keyStores: string[];
  cloud: CloudName;
  /** Overrides the cloud's ARM endpoint (Azure Stack, a private endpoint, the test emulator). */
  armEndpoint?: string;
  /** Overrides the cloud's Microsoft Graph endpoint. */
  graphEndpoint?: string;
}

export interface ClientTuning {
  /** Retries after the first attempt of each request (429, 503, other 5xx, 408, dropped connections). */
  maxRetries: number;
  /** Base delay of the exponential backoff, in milliseconds. */
  retryDelayMs: number;
  /** Cap of the exponential backoff, in milliseconds. A Retry-After header is not capped by it, only by `callTimeoutMs`. */
  maxRetryDelayMs: number;
  /** Time limit of one attempt, in milliseconds; an attempt that runs out is retried like a dropped connection. */
  attemptTimeoutMs: number;
  /** Time limit of one call including its retries and Retry-After waits, in milliseconds. */
  callTimeoutMs: number;
  /** Requests in flight at once across the whole collection. */
  maxConcurrency: number;
  /** ARM requests in flight at once per subscription. */
  maxConcurrencyPerSubscription: number;
  /** Data-plane requests in flight at once per vault or Managed HSM. */
  maxConcurrencyPerStore: number;
  /** Extra PEM certificate authorities to trust, added to Node's own list. */
  extraCa?: string;
}

export const DEFAULT_TUNING: ClientTuning = {
  maxRetries: 4,
  retryDelayMs: 1_000,
  maxRetryDelayMs: 30_000,
  attemptTimeoutMs: 30_000,
  callTimeoutMs: 120_000,
  maxConcurrency: 32,
  maxConcurrencyPerSubscription: 16,
  maxConcurrencyPerStore: 8,
};

/** One progress event; the CLI turns these into a live display or plain lines. */
export interface ProgressEvent {
  phase: "start" | "scope" | "store" | "retry" | "skip" | "done";
  message: string;
  keys: number;
  stores: number;
}

export interface CollectOptions {
  scope: CollectScope;
  /** Defaults to DefaultAzureCredential. */
  credential?: TokenCredential;
  progress?: (event: ProgressEvent) => void;
  /** Returns the current time; tests fix it. */
  now?: () => Date;
  tuning?: Partial<ClientTuning>;
  /**
   * Skips the check that a Key Vault challenge names the expected resource. Honoured only
   * for loopback hosts, because against any other host it would send a token to any server
   * that sends a challenge.
   */
  allowLoopbackChallenge?: boolean;
}
