// A local HTTPS emulator of the Azure APIs the collector calls. It serves an
// estate on 127.0.0.1. ARM, Resource Graph and Microsoft Graph share one port.
// Each vault or Managed HSM data plane has a port of its own, because a vault
// URL cannot carry a path prefix. A managed-identity token endpoint serves
// child processes over plain HTTP.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TokenCredential } from "@azure/identity";
import type { Audiences, Estate, Fault } from "./estate.js";
import { checkToken } from "./auth.js";
import { handleArm } from "./routes-arm.js";
import { handleDataPlane, type DataPlaneStore } from "./routes-data-plane.js";
import { handleMicrosoftGraph, handleResourceGraph } from "./routes-graph.js";
import type { EmulatorRequest, Reply } from "./reply.js";
import { faultReply, readRequest } from "./request.js";
import { handleTokenRequest } from "./token-endpoint.js";
import { emulatorCredential } from "./tokens.js";
import { createTlsIdentity } from "./tls.js";
import { violationOf } from "./violations.js";

const PUBLIC_AUDIENCES: Audiences = {
  arm: "https://management.azure.com",
  graph: "https://graph.microsoft.com",
  vault: "https://vault.azure.net",
  managedHsm: "https://managedhsm.azure.net",
};

export interface RecordedRequest {
  /** `arm`, or the store name for a data-plane request. */
  target: string;
  method: string;
  path: string;
  status: number;
}

interface ActiveFault extends Fault {
  remaining: number;
}

export class AzureEmulator {
  /** Requests for a secret value or a key operation; a test fails when this is not empty. */
  readonly violations: string[] = [];
  /** Requests whose token was missing or had the wrong audience or tenant, challenges aside. */
  readonly authFailures: string[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Scopes that the in-process credential and the token endpoint were asked for. */
  readonly tokenScopes: string[] = [];
  readonly audiences: Audiences;
  /** Requests in progress now, and the maximum at once, overall and per target. */
  readonly concurrency = { now: 0, max: 0, maxByTarget: new Map<string, number>(), busyMilliseconds: 0 };
  private readonly nowByTarget = new Map<string, number>();
  armUrl = "";
  tokenUrl = "";
  private faults: ActiveFault[] = [];
  private readonly servers: Server[] = [];
  private readonly stores = new Map<string, DataPlaneStore>();
  private readonly storeUrls = new Map<string, string>();

  private constructor(
    readonly estate: Estate,
    readonly ca: string,
    private readonly tls: { key: string; cert: string },
  ) {
    this.audiences = { ...PUBLIC_AUDIENCES, ...estate.audiences };
    this.setFaults(estate.faults ?? []);
  }

  static async start(estate: Estate): Promise<AzureEmulator> {
    const tls = createTlsIdentity();
    const emulator = new AzureEmulator(estate, tls.cert, tls);
    await emulator.listen();
    return emulator;
  }

  /** Returns a credential that mints emulator tokens in process, for tests that inject one. */
  credential(): TokenCredential {
    return emulatorCredential(this.estate, this.tokenScopes);
  }

  /** Replaces the scripted faults; each applies `times` times, or always when `times` is absent. */
  setFaults(faults: Fault[]): void {
    this.faults = faults.map((fault) => ({ ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY }));
  }

  storeUrl(name: string): string {
    const url = this.storeUrls.get(name.toLowerCase());
    if (url === undefined) throw new Error(`The estate has no vault or Managed HSM named \`${name}\`.`);
    return url;
  }

  /** Returns every store's loopback URL, keyed by store name. */
  storeUrlMap(): Map<string, string> {
    return new Map(this.storeUrls);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  }

  private async listen(): Promise<void> {
    const arm = await this.serve(createHttpsServer(this.tls, (request, response) => this.handle("arm", request, response)));
    this.armUrl = `https://127.0.0.1:${arm}`;
    const token = await this.serve(createHttpServer((request, response) => handleTokenRequest(this.estate, this.tokenScopes, request, response)));
    this.tokenUrl = `http://127.0.0.1:${token}`;

    const stores = [
      ...this.estate.vaults.map((vault) => ({ kind: "vault" as const, arm: vault.arm, access: vault.dataPlane, keys: vault.keys, certificates: vault.certificates, deletedKeys: vault.deletedKeys, local: undefined })),
      ...this.estate.managedHsms.map((hsm) => ({ kind: "hsm" as const, arm: hsm.arm, access: hsm.dataPlane, keys: hsm.keys, certificates: [], deletedKeys: hsm.deletedKeys, local: hsm })),
    ];
    for (const store of stores) {
      const name = store.arm.name;
      const port = await this.serve(createHttpsServer(this.tls, (request, response) => this.handle(name, request, response)));
      const url = `https://127.0.0.1:${port}/`;
      this.storeUrls.set(name.toLowerCase(), url);
      this.stores.set(name.toLowerCase(), {
        name,
        kind: store.kind,
        url,
        access: store.access ?? "reachable",
        keys: store.keys,
        certificates: store.certificates,
        deletedKeys: store.deletedKeys ?? [],
        localRoleAssignments: store.local?.localRoleAssignments ?? [],
        localRoleDefinitions: store.local?.localRoleDefinitions ?? [],
      });
    }
  }

  private serve(server: Server): Promise<number> {
    this.servers.push(server);
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  }

  private async handle(target: string, incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    this.enter(target, 1);
    try {
      await this.respond(target, incoming, response);
    } finally {
      this.enter(target, -1);
      this.concurrency.busyMilliseconds += performance.now() - started;
    }
  }

  private enter(target: string, change: 1 | -1): void {
    const concurrency = this.concurrency;
    concurrency.now += change;
    concurrency.max = Math.max(concurrency.max, concurrency.now);
    const now = (this.nowByTarget.get(target) ?? 0) + change;
    this.nowByTarget.set(target, now);
    concurrency.maxByTarget.set(target, Math.max(concurrency.maxByTarget.get(target) ?? 0, now));
  }

  private async respond(target: string, incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const request = await readRequest(incoming, target === "arm" ? this.armUrl : this.storeUrl(target));
    const record: RecordedRequest = { target, method: request.method, path: request.path, status: 0 };
    this.requests.push(record);

    const violation = violationOf(target, request);
    if (violation !== null) this.violations.push(violation);

    const fault = this.takeFault(target, request);
    const delay = (fault?.delayMs ?? 0) + (this.estate.latencyMs ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (fault?.drop === true) {
      record.status = -1;
      incoming.socket.destroy();
      return;
    }

    const reply = fault?.status !== undefined ? faultReply(fault) : this.route(target, request);
    record.status = reply.status;
    const body = reply.body === undefined ? "" : JSON.stringify(reply.body);
    response.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", "x-ms-request-id": String(this.requests.length), ...reply.headers });
    response.end(body);
  }

  private route(target: string, request: EmulatorRequest): Reply {
    const paging = this.estate.paging ?? { pageSize: 100 };
    if (target !== "arm") {
      const store = this.stores.get(target.toLowerCase())!;
      const audience = store.kind === "vault" ? this.audiences.vault : this.audiences.managedHsm;
      const denied = checkToken(this.estate, request, audience, "challenge", this.authFailures, target);
      return denied ?? handleDataPlane(store, request, paging);
    }
    if (/^\/v1\.0\//i.test(request.path)) {
      return checkToken(this.estate, request, this.audiences.graph, "graph", this.authFailures, target) ?? handleMicrosoftGraph(this.estate, request);
    }
    const denied = checkToken(this.estate, request, this.audiences.arm, "arm", this.authFailures, target);
    if (denied !== null) return denied;
    if (/^\/providers\/microsoft\.resourcegraph\/resources$/i.test(request.path)) return handleResourceGraph(this.estate, request, paging.pageSize);
    return handleArm({ estate: this.estate, paging, storeUrls: this.storeUrls }, request);
  }

  private takeFault(target: string, request: EmulatorRequest): ActiveFault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.target === undefined || candidate.target.toLowerCase() === target.toLowerCase()) &&
        (candidate.method === undefined || candidate.method.toUpperCase() === request.method) &&
        new RegExp(candidate.path, "i").test(request.path),
    );
    if (fault !== undefined) fault.remaining -= 1;
    return fault;
  }
}
