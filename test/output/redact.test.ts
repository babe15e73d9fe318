// Redaction: ids and addresses become keyed pseudonyms, the same everywhere,
// and nothing else changes.
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { Redactor, redactionKey } from "../../src/output/redact.js";

const redactor = new Redactor("test-key-0123456789");

describe("Redactor", () => {
  // The expected pseudonyms were computed apart from this code, with Python's hmac module.
  it("replaces GUIDs with version 8 UUIDs", () => {
    expect(redactor.redact("/subscriptions/3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f/resourceGroups/rg")).toBe("/subscriptions/a969825c-a43c-832e-9272-cfca8b3377b9/resourceGroups/rg");
  });

  it("ignores the case of a GUID", () => {
    expect(redactor.redact("3B8E6F0C-1D2A-4C5B-8E7F-9A0B1C2D3E4F")).toBe("a969825c-a43c-832e-9272-cfca8b3377b9");
  });

  it("keeps prefix lengths and clears host bits", () => {
    expect(redactor.redact("allow 203.0.113.0/24 and 198.51.100.7.")).toBe("allow 253.120.239.0/24 and 243.106.173.159.");
    expect(redactor.redact("[2001:db8:abcd::1]/64 and fe80::1%")).toBe("[2001:db8:465:99e:cfca:ebf0:bfad:ad7a]/64 and 2001:db8:7ced:a09a:dcae:3ed:75e3:8168%");
  });

  it("leaves versions, times and hashes alone", () => {
    const text = "mermaid 11.17.2, 2026-11-30T06:00:00Z, ::: mermaid, version 6e73bff1d7f0d5e1a7c4b2c3d4e5f6a7, sha 918a1859dc968937";
    expect(redactor.redact(text)).toBe(text);
  });

  it("another key gives other pseudonyms", () => {
    expect(new Redactor("another-key-0123456").redact("3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f")).not.toBe("a969825c-a43c-832e-9272-cfca8b3377b9");
  });
});

describe("redactionKey", () => {
  it("reads the default variable", () => {
    expect(redactionKey(undefined, { CRYPTODOC_REDACTION_KEY: "0123456789abcdef" })).toBe("0123456789abcdef");
  });

  it("reads the variable the YAML names", () => {
    expect(redactionKey({ keyVariable: "WIKI_KEY" }, { WIKI_KEY: "fedcba9876543210" })).toBe("fedcba9876543210");
  });

  it("missing key is a usage error", () => {
    expect(() => redactionKey({ keyVariable: "WIKI_KEY" }, {})).toThrow(UsageError);
    expect(() => redactionKey({ keyVariable: "WIKI_KEY" }, {})).toThrow("--redact needs a key, but the environment variable WIKI_KEY is not set.");
  });

  it("short key is a usage error", () => {
    expect(() => redactionKey(undefined, { CRYPTODOC_REDACTION_KEY: "short" })).toThrow("The redaction key in CRYPTODOC_REDACTION_KEY has 5 characters; expected at least 16.");
  });
});
