// Pseudonyms for identifiers in published files. Every GUID (tenant,
// subscription, object, role and assignment ids) and every IPv4 or IPv6
// address, with its prefix length when it is a range, is replaced by a value
// derived from an HMAC-SHA256 of it under a secret key. The same identifier
// therefore gets the same pseudonym in every file and every build, and
// `--check` can compare redacted builds, while a reader without the key
// cannot test a guessed identifier against a pseudonym.
import { createHmac } from "node:crypto";
import { isIPv6 } from "node:net";
import { UsageError } from "../errors.js";
import { StringSink } from "../report/sink.js";
import type { OutputFile } from "./write-output.js";

export const DEFAULT_KEY_VARIABLE = "CRYPTODOC_REDACTION_KEY";
const MINIMUM_KEY_LENGTH = 16;

const GUID = /(?<![0-9a-z-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-z-])/gi;
const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
// An address is not part of a longer dotted number such as a version `1.2.3.4.5`; a sentence may end after it.
const IPV4 = new RegExp(`(?<![\\d.])(?<!\\d\\.)(${OCTET}(?:\\.${OCTET}){3})(\\/(?:3[0-2]|[12]?\\d))?(?!\\.?\\d)`, "g");
// Candidates with at least two colons; each is checked with node:net before it is replaced.
const IPV6_CANDIDATE = /(?<![0-9a-z:.])((?=[0-9a-f.:]*:[0-9a-f.:]*:)[0-9a-f:.]{2,45})(\/\d{1,3})?(?![0-9a-z:])/gi;

export class Redactor {
  constructor(private readonly key: string) {}

  private digest(kind: string, value: string): Buffer {
    return createHmac("sha256", this.key).update(`${kind}:${value.toLowerCase()}`).digest();
  }

  /** Returns a version 8 UUID (the RFC 9562 version for custom UUIDs), so the pseudonym still reads as an id. */
  private guid(value: string): string {
    const bytes = this.digest("guid", value).subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x80;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /**
   * Returns a pseudonym in 240.0.0.0/4, which IANA reserves and nothing routes. A range keeps its prefix
   * length and gets its host bits cleared, so it still reads as a network; at most four of the 32 bits
   * are fixed by the reserved block, which prefixes shorter than /4 would let show.
   */
  private ipv4(value: string, prefix?: number): string {
    const bytes = this.digest("ipv4", value);
    let address = (((240 | (bytes[0]! & 0x0f)) << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    if (prefix !== undefined && prefix < 32) address = (address & (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0)) >>> 0;
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join(".");
  }

  /** Returns a pseudonym in 2001:db8::/32, the prefix reserved for documentation. */
  private ipv6(value: string): string {
    const bytes = this.digest("ipv6", value);
    const groups = [0, 2, 4, 6, 8, 10].map((offset) => bytes.readUInt16BE(offset).toString(16));
    return `2001:db8:${groups.join(":")}`;
  }

  /** Replaces every GUID and IP address in `text` with its pseudonym. */
  redact(text: string): string {
    return text
      .replace(GUID, (guid) => this.guid(guid))
      .replace(IPV4, (_match, address: string, prefix: string | undefined) => `${this.ipv4(address, prefix === undefined ? undefined : Number(prefix.slice(1)))}${prefix ?? ""}`)
      .replace(IPV6_CANDIDATE, (match, address: string, prefix: string | undefined) => (isIPv6(address) ? `${this.ipv6(address)}${prefix ?? ""}` : match));
  }

  /** Returns the file with its text redacted; the text of a streamed file is collected first. */
  redactFile(file: OutputFile): OutputFile {
    const content = file.content;
    if (typeof content === "string") return { path: file.path, content: this.redact(content) };
    if (Buffer.isBuffer(content)) return { path: file.path, content: this.redact(content.toString("utf8")) };
    return {
      path: file.path,
      content: (sink) => {
        const collected = new StringSink();
        content(collected);
        sink.write(this.redact(collected.toString()));
      },
    };
  }
}

/**
 * Finds the redaction key: the YAML's `publish.redaction.key`, else the
 * environment variable the YAML names, else CRYPTODOC_REDACTION_KEY.
 */
export function redactionKey(settings: { keyVariable?: string; key?: string } | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  if (settings?.key !== undefined) return settings.key;
  const variable = settings?.keyVariable ?? DEFAULT_KEY_VARIABLE;
  const key = environment[variable];
  if (key === undefined || key === "") {
    throw new UsageError(`--redact needs a key, but the environment variable ${variable} is not set.`, {
      hint: `Set ${variable} to a secret of at least ${MINIMUM_KEY_LENGTH} characters from your CI's secret store, and keep it: the same key gives the same pseudonyms in every build.`,
    });
  }
  if (key.length < MINIMUM_KEY_LENGTH) {
    throw new UsageError(`The redaction key in ${variable} has ${key.length} characters; expected at least ${MINIMUM_KEY_LENGTH}.`, { hint: "Use a longer random secret, for example the output of `openssl rand -hex 32`." });
  }
  return key;
}
