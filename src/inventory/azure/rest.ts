// JSON requests on the real REST paths of the APIs that have no usable SDK
// here. @azure/arm-resourcegraph 4.x does not retry 429, and
// @azure/keyvault-admin is not in this machine's npm registry. The same
// client reads Microsoft Graph, diagnostic settings and subscriptions.
import {
  RestError,
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
} from "@azure/core-rest-pipeline";
import { defaultScope } from "./cloud.js";
import { commonClientOptions, type CollectContext } from "./context.js";

export interface RestClient {
  get<T>(url: string): Promise<T>;
  post<T>(url: string, body: unknown): Promise<T>;
}

/** Creates a client that sends bearer tokens for `audience` and fails with a RestError that carries Azure's error body. */
export function restClient(context: CollectContext, audience: string): RestClient {
  const { additionalPolicies, ...options } = commonClientOptions(context);
  const pipeline: Pipeline = createPipelineFromOptions(options);
  // createPipelineFromOptions ignores `additionalPolicies`, which only SDK clients read.
  for (const { policy, position } of additionalPolicies) {
    pipeline.addPolicy(policy, position === "perRetry" ? { afterPhase: "Retry" } : {});
  }
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: context.credential, scopes: defaultScope(audience) }));
  const httpClient: HttpClient = createDefaultHttpClient();

  async function send<T>(method: "GET" | "POST", url: string, body?: unknown): Promise<T> {
    const headers = createHttpHeaders({ accept: "application/json" });
    if (body !== undefined) headers.set("content-type", "application/json");
    const request = createPipelineRequest({ url, method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const response = await pipeline.sendRequest(httpClient, request);
    const parsed = parseJson(response.bodyAsText);
    if (response.status >= 400) {
      const error = new RestError(`${method} \`${url}\` failed with HTTP ${response.status}.`, {
        statusCode: response.status,
        request,
        response,
      });
      error.details = parsed;
      const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
      if (typeof code === "string") error.code = code;
      throw error;
    }
    return parsed as T;
  }

  return { get: (url) => send("GET", url), post: (url, body) => send("POST", url, body) };
}

function parseJson(text: string | null | undefined): unknown {
  if (text === undefined || text === null || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { error: { message: text.slice(0, 300) } };
  }
}
