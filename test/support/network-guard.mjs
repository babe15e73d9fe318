// Rejects every network connection that does not go to a loopback address.
// Tests load it through vitest's setup files, and the child processes they
// start load it through NODE_OPTIONS=--import, so neither the test process
// nor the CLI under test can reach Azure, a metadata address or anything
// else beyond 127.0.0.1. Unix sockets and named pipes stay allowed.
import dns from "node:dns";
import net from "node:net";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "::ffff:127.0.0.1"]);

/** Returns true for a host name or address that stays on this machine. */
export function isLoopbackHost(host) {
  if (host === undefined || host === null || host === "") return true; // Node's default host is localhost.
  const name = String(host).toLowerCase();
  return LOOPBACK_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** Connections the guard rejected in this process, for test hooks that fail the test. */
export const rejectedConnections = (globalThis.__cryptodocRejectedConnections ??= []);

function rejectionError(host, port) {
  const error = new Error(
    `Network guard rejected a connection to ${host}:${port}: tests may only reach servers they start on 127.0.0.1.`,
  );
  error.code = "ECONNREFUSED";
  return error;
}

function targetOf(args) {
  // net.connect() hands Socket#connect an internal array [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === "object" && first !== null) {
    if (first.path !== undefined) return null;
    return { host: first.host ?? "localhost", port: first.port };
  }
  if (typeof first === "string" && !/^\d+$/.test(first)) return null; // a pipe or socket path
  return { host: typeof args[1] === "string" ? args[1] : "localhost", port: first };
}

if (!globalThis.__cryptodocNetworkGuardInstalled) {
  globalThis.__cryptodocNetworkGuardInstalled = true;

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const target = targetOf(args);
    if (target !== null && !isLoopbackHost(target.host)) {
      const error = rejectionError(target.host, target.port);
      rejectedConnections.push(`${target.host}:${target.port}`);
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return connect.apply(this, args);
  };

  const lookup = dns.lookup;
  dns.lookup = function guardedLookup(hostname, ...rest) {
    if (!isLoopbackHost(hostname)) {
      rejectedConnections.push(`${hostname} (DNS lookup)`);
      const callback = rest[rest.length - 1];
      const error = rejectionError(hostname, "dns");
      error.code = "ENOTFOUND";
      if (typeof callback === "function") process.nextTick(() => callback(error));
      return;
    }
    return lookup.call(this, hostname, ...rest);
  };
  const promiseLookup = dns.promises.lookup;
  dns.promises.lookup = async function guardedPromiseLookup(hostname, options) {
    if (!isLoopbackHost(hostname)) {
      rejectedConnections.push(`${hostname} (DNS lookup)`);
      const error = rejectionError(hostname, "dns");
      error.code = "ENOTFOUND";
      throw error;
    }
    return promiseLookup.call(dns.promises, hostname, options);
  };
}
