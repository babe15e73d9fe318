import net from "node:net";
import { describe, expect, it } from "vitest";
import { isLoopbackHost, rejectedConnections } from "../support/network-guard.mjs";

function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

describe("network guard", () => {
  it("classifies loopback hosts", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("127.8.9.10")).toBe(true);
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("::1")).toBe(true);
    expect(isLoopbackHost("169.254.169.254")).toBe(false);
    expect(isLoopbackHost("management.azure.com")).toBe(false);
    expect(isLoopbackHost("10.0.0.1")).toBe(false);
  });

  it("rejects the metadata address", async () => {
    expect(await tryConnect("169.254.169.254", 80)).toBe("ECONNREFUSED");
    expect(rejectedConnections.splice(0)).toEqual(["169.254.169.254:80"]);
  });

  it("rejects a public host name", async () => {
    const response = await fetch("https://management.azure.com/").then(
      () => "fetched",
      (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? "failed",
    );
    expect(response).not.toBe("fetched");
    expect(rejectedConnections.splice(0).length).toBeGreaterThan(0);
  });

  it("allows a loopback server", async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    expect(await tryConnect("127.0.0.1", port)).toBe("connected");
    server.close();
  });
});
