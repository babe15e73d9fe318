// One Ajv instance for every JSON Schema the tool reads: architecture.yaml,
// inventory snapshots and the findings report. The schemas are draft-07,
// which the YAML language server also reads for editor completion.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { PACKAGE_ROOT } from "../version.js";

export type SchemaName = "architecture" | "inventory" | "findings";

// ajv-formats ships a CommonJS default export that NodeNext types as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** Returns the compiled validator for one of the schemas under schemas/. */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    ajv ??= addFormats(new Ajv({ allErrors: true, useDefaults: true, strict: false, verbose: true }));
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, "schemas", `${name}.schema.json`), "utf8")) as object;
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

export type SchemaError = ErrorObject;
