// Pipeline policies that every client of the collection gets: time limits
// and a count of throttled or failed attempts.
import { RestError, type PipelinePolicy, type PipelineRequest } from "@azure/core-rest-pipeline";

type AbortSignalLike = NonNullable<PipelineRequest["abortSignal"]>;

/**
 * Bounds a whole call, retries and Retry-After waits included. core-rest-pipeline 1.24
 * honours any Retry-After on 429 and 503 without a cap, so a huge value would stall the
 * run without this limit. Runs once per call, outside the retry policy.
 */
export function callTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: "cryptodocCallTimeout",
    async sendRequest(request, next) {
      const limit = timeLimit(request.abortSignal, timeoutMs);
      request.abortSignal = limit.signal;
      try {
        return await next(request);
      } catch (error) {
        if (limit.expired()) throw timedOut(`The request to \`${request.url}\` timed out after ${timeoutMs} ms, retries included.`, "CallTimeout");
        throw error;
      } finally {
        limit.dispose();
      }
    },
  };
}

/**
 * Bounds one attempt. A request that times out here fails with code ETIMEDOUT, which the
 * retry policy retries like a dropped connection. The SDK's own `timeout` would raise an
 * AbortError instead, which it does not retry.
 */
export function attemptTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: "cryptodocAttemptTimeout",
    async sendRequest(request, next) {
      const outer = request.abortSignal;
      const limit = timeLimit(outer, timeoutMs);
      request.abortSignal = limit.signal;
      try {
        return await next(request);
      } catch (error) {
        if (limit.expired()) throw timedOut(`An attempt of the request to \`${request.url}\` got no response within ${timeoutMs} ms.`, "ETIMEDOUT");
        throw error;
      } finally {
        limit.dispose();
        request.abortSignal = outer;
      }
    },
  };
}

/**
 * Returns a signal that aborts when `outer` does or when `timeoutMs` has passed. It uses a
 * plain timer and listener, which `dispose` removes, because AbortSignal.timeout keeps its
 * timer until it fires and AbortSignal.any is slow in Node 20, and both run per request.
 */
function timeLimit(outer: AbortSignalLike | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort();
  if (outer?.aborted === true) controller.abort();
  outer?.addEventListener("abort", forward);
  return {
    signal: controller.signal,
    expired: () => expired,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", forward);
    },
  };
}

/** Calls `onRetryable` for each response with status 429, 408 or 5xx, before the retry policy decides. */
export function retryCountPolicy(onRetryable: (status: number, url: string) => void): PipelinePolicy {
  return {
    name: "cryptodocRetryCount",
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status === 429 || response.status === 408 || response.status >= 500) onRetryable(response.status, request.url);
      return response;
    },
  };
}

function timedOut(message: string, code: string): RestError {
  return new RestError(message, { code });
}

/**
 * Error bodies of failed responses, keyed by request. The paging helpers of the current
 * SDKs throw "Pagination failed with unexpected statusCode 403" without the body, which
 * contains the Azure error code and message, so the collector looks the body up here.
 */
export const errorBodies = new WeakMap<object, unknown>();

export function errorBodyPolicy(): PipelinePolicy {
  return {
    name: "cryptodocErrorBody",
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status >= 400 && typeof response.bodyAsText === "string" && response.bodyAsText !== "") {
        try {
          errorBodies.set(request, JSON.parse(response.bodyAsText));
        } catch {
          errorBodies.set(request, { error: { message: response.bodyAsText.slice(0, 300) } });
        }
      }
      return response;
    },
  };
}
