#!/usr/bin/env node
// The cryptodoc command line: parses arguments, runs one command and maps its
// outcome to an exit code. Errors print a message, their cause and one line
// on what to do, never a stack trace.
import { resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { type BuildOptions, runBuild } from "./commands/build.js";
import { runCollect } from "./commands/collect.js";
import { parseFormat, runDrift } from "./commands/drift.js";
import { type CommonOptions, parseFailOn } from "./commands/options.js";
import { checkPublishOptions } from "./commands/publish-settings.js";
import { runValidate } from "./commands/validate.js";
import { RULES } from "./drift/rules/index.js";
import { CryptodocError, EXIT_INVALID, InputError, UsageError } from "./errors.js";
import { stderrLogger } from "./log.js";
import { closestMatch } from "./schema/suggest.js";
import { TOOL_VERSION } from "./version.js";

const COMMON_OPTIONS = {
  config: { type: "string", default: "architecture.yaml" },
  inventory: { type: "string" },
  live: { type: "boolean", default: false },
  out: { type: "string", default: "out" },
  "fail-on": { type: "string" },
  "as-of": { type: "string" },
  subscription: { type: "string", multiple: true },
  "arm-endpoint": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} satisfies ParseArgsConfig["options"];

const COMMON_HELP = `  --config FILE          architecture file (default: architecture.yaml)
  --inventory FILE       read this inventory snapshot instead of inventory.snapshot
  --live                 collect the inventory from Azure now instead of reading a snapshot
  --fail-on LEVEL        fail on findings of this severity or higher: critical, high, medium,
                         low, info or never (default: high); error results fail unless never
  --as-of DATE|now       judge dates as of this ISO date or time, or \`now\` for the start of
                         today (UTC); default: the snapshot's collection time, so rebuilding
                         old evidence gives the same verdicts
  --subscription ID      collect from this subscription instead of the YAML scope (repeatable)
  --arm-endpoint URL     Azure Resource Manager endpoint, for sovereign clouds and emulators
  -h, --help             show this help`;

const HELP: Record<string, string> = {
  main: `cryptodoc ${TOOL_VERSION}: documentation as code for the cryptographic architecture of a
cardholder data environment on Azure (PCI DSS 4.0.1 requirement 3.6.1.1).

Usage: cryptodoc <command> [options]

Commands:
  build      write the document, key inventory, diagrams and drift reports to the output folder
  collect    collect the inventory from Azure and write it as a snapshot file
  drift      evaluate the drift rules and print a report to stdout
  validate   check architecture.yaml (and its snapshot) against the schemas and references

Run \`cryptodoc <command> --help\` for the options of a command.

Exit codes: 0 success; 1 findings at or above --fail-on, or results that could not be
decided; 2 invalid input or usage; 3 documents out of date (--check).`,
  build: `Usage: cryptodoc build [options]

Loads architecture.yaml and the inventory, evaluates the drift rules and writes
cryptographic-architecture.md, key-inventory.md, diagrams/*.mmd (and *.svg),
drift-report.md, drift-report.json, drift-report.sarif, drift-report.junit.xml and
inventory.json to the output folder. Only files listed in the folder's
.cryptodoc-manifest.json are ever replaced or removed, apart from the page given to
--inject.

Options:
  --out DIR              output folder (default: out)
  --flavor NAME          the wiki the pages are for: github (Mermaid in code fences, the
                         default), azure-devops (::: mermaid blocks, [[_TOC_]], page names
                         and a .order file) or plain (pictures only, for wikis without Mermaid)
  --diagrams MODE        source (Mermaid in the pages) or svg (pictures rendered in headless
                         Chromium into diagrams/*.svg); default source, or svg for plain
  --browser PATH         Chromium or Chrome for --diagrams svg (default: $CRYPTODOC_BROWSER,
                         then publish.browser in the YAML, then /usr/bin/chromium)
  --check                write nothing; exit 3 naming each Markdown, JSON or .mmd file that
                         differs from what the build would write (SVG files are not compared)
  --inject FILE          also replace the sections of FILE between
                         <!-- cryptodoc:begin NAME --> and <!-- cryptodoc:end NAME --> lines,
                         where NAME is a template or partial such as keys-table
  --templates DIR        override built-in templates and partials by file name
  --redact               replace tenant, subscription and object ids and IP addresses with
                         pseudonyms keyed by $CRYPTODOC_REDACTION_KEY (or the YAML's
                         publish.redaction); the same id gets the same pseudonym in every build
${COMMON_HELP}`,
  drift: `Usage: cryptodoc drift [options]

Evaluates the drift rules and prints one report to stdout; writes no files.

Options:
  --format FORMAT        text, json, markdown, sarif (SARIF 2.1.0) or junit (JUnit XML)
                         (default: text)
${COMMON_HELP}

Rules:
${RULES.map((rule) => `  ${rule.id.padEnd(Math.max(...RULES.map((candidate) => candidate.id.length)))} ${rule.severity.padEnd(8)} ${rule.title}`).join("\n")}`,
  collect: `Usage: cryptodoc collect --output FILE [options]

Collects the inventory of the key stores, keys, certificates, role assignments and AKS
clusters in the inventory.azure scope of architecture.yaml, read-only, and writes it as
a snapshot. Calls that fail are recorded in the snapshot's collectionErrors; the snapshot
is still written and the command exits 0. A failed login or a scope with no visible
subscription exits 2 and writes nothing. Credentials come from DefaultAzureCredential:
\`az login\` locally, workload identity federation in CI.

Options:
  --output FILE          snapshot file to write (required)
  --config FILE          architecture file (default: architecture.yaml)
  --subscription ID      collect from this subscription instead of the YAML scope (repeatable)
  --arm-endpoint URL     Azure Resource Manager endpoint, for sovereign clouds and emulators
  -h, --help             show this help`,
  validate: `Usage: cryptodoc validate [options]

Checks architecture.yaml against schemas/architecture.schema.json and its cross-references,
and the inventory snapshot it names (or --inventory) against schemas/inventory.schema.json.

Options:
  --config FILE          architecture file (default: architecture.yaml)
  --inventory FILE       validate this inventory snapshot instead of inventory.snapshot
  -h, --help             show this help`,
};

function parse(args: string[], extra: ParseArgsConfig["options"] = {}, base: ParseArgsConfig["options"] = COMMON_OPTIONS): { values: Record<string, unknown> } {
  try {
    return parseArgs({ args, options: { ...base, ...extra }, allowPositionals: false, strict: true });
  } catch (error) {
    const message = (error as Error).message.split(/\. To specify a positional argument/)[0]!.replace(/\.?$/, ".");
    const unknown = /^Unknown option '--([^']+)'/.exec(message)?.[1];
    const suggestion = unknown === undefined ? undefined : closestMatch(unknown, Object.keys({ ...base, ...extra }));
    const hint = suggestion === undefined ? "Run `cryptodoc --help` for the usage." : `Did you mean --${suggestion}? Run \`cryptodoc --help\` for the usage.`;
    throw new UsageError(message, { hint });
  }
}

function commonOptions(values: Record<string, unknown>): CommonOptions {
  const options: CommonOptions = {
    config: values.config as string,
    live: values.live as boolean,
    out: values.out as string,
    failOn: parseFailOn(values["fail-on"] as string | undefined),
    subscriptions: (values.subscription as string[] | undefined) ?? [],
  };
  if (values.inventory !== undefined) options.inventory = values.inventory as string;
  if (values["as-of"] !== undefined) options.asOf = values["as-of"] as string;
  if (values["arm-endpoint"] !== undefined) options.armEndpoint = values["arm-endpoint"] as string;
  if (options.live && options.inventory !== undefined) throw new UsageError("--live and --inventory cannot be used together.", { hint: "Use --live to collect from Azure, or --inventory FILE to read a snapshot." });
  if (options.out.trim() === "" || resolve(options.out) === resolve("/")) {
    throw new UsageError(`--out \`${options.out}\` is not a usable output folder; expected a folder such as \`out\`.`, { hint: "cryptodoc writes several files and a manifest there, so give it a folder of its own." });
  }
  return options;
}

const BUILD_OPTIONS = {
  templates: { type: "string" },
  flavor: { type: "string" },
  diagrams: { type: "string" },
  browser: { type: "string" },
  check: { type: "boolean", default: false },
  inject: { type: "string" },
  redact: { type: "boolean", default: false },
} satisfies ParseArgsConfig["options"];

function buildOptions(values: Record<string, unknown>): Omit<BuildOptions, keyof CommonOptions> {
  const options: Omit<BuildOptions, keyof CommonOptions> = { check: values.check as boolean, redact: values.redact as boolean };
  for (const name of ["templates", "flavor", "diagrams", "browser", "inject"] as const) {
    if (values[name] !== undefined) options[name] = values[name] as string;
  }
  checkPublishOptions(options);
  return options;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${HELP.main}\n`);
    return command === undefined ? EXIT_INVALID : 0;
  }
  if (command === "--version") {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }

  switch (command) {
    case "build": {
      const { values } = parse(args, BUILD_OPTIONS);
      if (values.help) return printHelp("build");
      return runBuild({ ...commonOptions(values), ...buildOptions(values) }, stderrLogger);
    }
    case "collect": {
      const { values } = parse(args, { output: { type: "string" } });
      if (values.help) return printHelp("collect");
      return runCollect(
        {
          config: values.config as string,
          output: values.output as string | undefined,
          subscriptions: (values.subscription as string[] | undefined) ?? [],
          ...(values["arm-endpoint"] === undefined ? {} : { armEndpoint: values["arm-endpoint"] as string }),
        },
        stderrLogger,
      );
    }
    case "drift": {
      const { values } = parse(args, { format: { type: "string" } });
      if (values.help) return printHelp("drift");
      return runDrift({ ...commonOptions(values), format: parseFormat(values.format as string | undefined) }, stderrLogger);
    }
    case "validate": {
      const { config, inventory, help } = COMMON_OPTIONS;
      const { values } = parse(args, {}, { config, inventory, help });
      if (values.help) return printHelp("validate");
      return runValidate({ config: values.config as string, ...(values.inventory === undefined ? {} : { inventory: values.inventory as string }) }, stderrLogger);
    }
    default:
      throw new UsageError(`Unknown command \`${command}\`; expected \`build\`, \`collect\`, \`drift\` or \`validate\`.`, { hint: "Run `cryptodoc --help` for the usage." });
  }
}

function printHelp(command: string): number {
  process.stdout.write(`${HELP[command]}\n`);
  return 0;
}

function report(error: unknown): number {
  if (!(error instanceof CryptodocError)) {
    process.stderr.write(`cryptodoc: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_INVALID;
  }
  const lines = [`cryptodoc: ${error.message}`];
  if (error instanceof InputError) lines.push(...error.diagnostics.map((diagnostic) => `  ${diagnostic}`));
  const cause = error.cause as Error | undefined;
  if (cause !== undefined && !(error instanceof InputError && error.diagnostics.length > 0)) lines.push(`  cause: ${cause.message ?? String(cause)}`);
  if (error.hint !== undefined) lines.push(`  ${error.hint}`);
  process.stderr.write(`${lines.join("\n")}\n`);
  return error.exitCode;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);
