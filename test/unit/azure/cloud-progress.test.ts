import { describe, expect, it } from "vitest";
import { progressReporter } from "../../../src/commands/progress.js";
import { cloudSettings, defaultScope, isLoopbackUrl } from "../../../src/inventory/azure/cloud.js";

describe("isLoopbackUrl", () => {
  it("allows only loopback hosts", () => {
    const cases: [string, boolean][] = [
      ["https://127.0.0.1:8443/", true],
      ["https://127.9.9.9/", true],
      ["https://localhost:1234/", true],
      ["https://[::1]:1234/", true],
      ["https://kv-cde-prod.vault.azure.net/", false],
      ["https://127.0.0.1.example.com/", false],
      ["https://10.0.0.4/", false],
    ];
    for (const [url, expected] of cases) expect(isLoopbackUrl(url), url).toBe(expected);
  });
});

describe("cloudSettings", () => {
  it("audiences per cloud", () => {
    expect(defaultScope(cloudSettings("AzureUSGovernment").armAudience)).toBe("https://management.usgovcloudapi.net/.default");
    expect(cloudSettings("AzureChinaCloud").vaultAudience).toBe("https://vault.azure.cn");
    expect(cloudSettings("AzurePublicCloud").graphEndpoint).toBe("https://graph.microsoft.com");
  });
});

describe("progressReporter", () => {
  function capture(isTTY: boolean) {
    const written: string[] = [];
    const lines: string[] = [];
    const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const log = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(`warning: ${line}`) };
    return { written, lines, report: progressReporter(log, stream) };
  }

  it("plain lines without a terminal", () => {
    const { written, lines, report } = capture(false);
    report({ phase: "store", message: "Collected 3 keys from vault `kv-a`.", keys: 3, stores: 1 });
    report({ phase: "skip", message: "Principal names not resolved.", keys: 3, stores: 1 });

    expect(lines).toEqual(["Collected 3 keys from vault `kv-a`.", "warning: Principal names not resolved."]);
    expect(written).toEqual([]);
  });

  it("one status line on a terminal", () => {
    const saved = process.env["CI"];
    delete process.env["CI"];
    try {
      const { written, lines, report } = capture(true);
      report({ phase: "store", message: "Collected 3 keys from vault `kv-a`.", keys: 3, stores: 1 });
      report({ phase: "store", message: "Collected 2 keys from vault `kv-b`.", keys: 5, stores: 2 });
      report({ phase: "done", message: "Collected 5 keys.", keys: 5, stores: 2 });

      expect(written).toEqual(["\r\u001b[KCollected 3 keys from vault `kv-a`. 3 keys so far.", "\r\u001b[KCollected 2 keys from vault `kv-b`. 5 keys so far.", "\r\u001b[K"]);
      expect(lines).toEqual(["Collected 5 keys."]);
    } finally {
      if (saved !== undefined) process.env["CI"] = saved;
    }
  });
});
