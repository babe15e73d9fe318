// Loads architecture.yaml: YAML syntax, then the JSON Schema, then the
// cross-references. Each layer reports all of its problems at once, with the
// file, line and column of each, and later layers run only on valid input.
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { InputError } from "../errors.js";
import { explainSchemaErrors } from "../schema/explain.js";
import { schemaValidator } from "../schema/validator.js";
import { buildArchitecture } from "./build-model.js";
import { checkCrossReferences, type RuleCatalogue } from "./cross-references.js";
import type { Architecture } from "./model.js";
import { formatDiagnostic, SourceMap } from "./source-map.js";

export interface LoadedArchitecture {
  architecture: Architecture;
  sourceMap: SourceMap;
}

const SCHEMA_HINT = "Fix the fields named above; cryptodoc's schemas/architecture.schema.json describes every field.";
const SYNTAX_HINT = "Fix the YAML at the first line named above; a wrong indentation is the usual cause, and the lines after it often follow from it.";

function fail(file: string, diagnostics: string[], total = diagnostics.length, hint = SCHEMA_HINT): never {
  const count = total === 1 ? "1 problem" : `${total} problems`;
  throw new InputError(`${file} has ${count}:`, diagnostics, { hint });
}

/** YAML errors after the first few are mostly consequences of the first, so only these are listed. */
const MAX_YAML_ERRORS = 5;

function explainYamlErrors(errors: readonly { pos: [number, number]; message: string }[], sourceMap: SourceMap): string[] {
  const lines = new Set<number>();
  const listed: string[] = [];
  for (const error of errors) {
    const at = sourceMap.position(error.pos[0]);
    if (lines.has(at.line) || listed.length === MAX_YAML_ERRORS) continue;
    lines.add(at.line);
    const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.message;
    listed.push(`${at.file}:${at.line}:${at.column} YAML syntax error: ${message}`);
  }
  const more = errors.length - listed.length;
  if (more > 0) listed.push(`(${more} more YAML ${more === 1 ? "error follows" : "errors follow"} from these; fix the first one and run again)`);
  return listed;
}

/** Reads a file the user named, turning a missing or unreadable file into an input error. */
export function readUserFile(file: string, description: string, option: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : `cannot be read (${(error as Error).message})`;
    throw new InputError(`${description} \`${file}\` ${reason}.`, [], { cause: error, hint: `Pass the right path with ${option}.` });
  }
}

/** Parses YAML text into a validated, cross-checked declared architecture. */
export function parseArchitecture(file: string, text: string, rules: RuleCatalogue): LoadedArchitecture {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const sourceMap = new SourceMap(file, document, lines);

  if (document.errors.length > 0) fail(file, explainYamlErrors(document.errors, sourceMap), document.errors.length, SYNTAX_HINT);

  const data = document.toJS() as unknown;
  if (data === null || data === undefined) {
    fail(file, [`${file}:1:1 (top level): the file is empty; expected the sections \`document\`, \`environments\`, \`keyStores\` and \`keys\``]);
  }

  const validate = schemaValidator("architecture");
  if (!validate(data)) {
    fail(file, explainSchemaErrors(validate.errors ?? [], data).map((error) => {
      const at = error.fieldName === undefined ? sourceMap.locate(error.path) : sourceMap.locateKey(error.path, error.fieldName);
      const path = error.fieldName === undefined ? error.path : [...error.path, error.fieldName];
      return formatDiagnostic(at, path, error.message);
    }));
  }

  const architecture = buildArchitecture(file, data as Record<string, unknown>, sourceMap);
  const problems = checkCrossReferences(architecture, sourceMap, rules);
  if (problems.length > 0) fail(file, problems);
  return { architecture, sourceMap };
}

/** Loads and validates the architecture file at `file`. */
export function loadArchitecture(file: string, rules: RuleCatalogue): LoadedArchitecture {
  return parseArchitecture(file, readUserFile(file, "Architecture file", "--config"), rules);
}
