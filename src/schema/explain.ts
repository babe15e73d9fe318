// Turns Ajv's schema errors into one readable sentence each, at the line of
// the value they are about: "`1 year` is not an ISO 8601 duration; expected
// one such as `P1Y`." Branch errors of a failed oneOf are folded into one.
import type { SchemaError } from "./validator.js";
import { closestMatch } from "./suggest.js";

export interface ExplainedError {
  /** Path of the value the message is about. */
  path: (string | number)[];
  /** Set when the message is about a field's name rather than its value. */
  fieldName?: string;
  message: string;
}

const FORMAT_EXPECTATIONS: Record<string, string> = {
  duration: "is not an ISO 8601 duration; expected one such as `P1Y`, `P90D` or `P1Y6M`",
  date: "is not an ISO date; expected `YYYY-MM-DD`, such as `2027-03-31`",
  "date-time": "is not an ISO 8601 date and time; expected one such as `2026-11-30T06:00:00Z`",
  uuid: "is not a GUID; expected one such as `3f2504e0-4f89-41d3-9a0c-0305e82c3301`",
  uri: "is not an absolute URL; expected one such as `https://management.azure.com`",
};

/** Splits an Ajv instance path (a JSON pointer) into field names and list indexes. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Shows a value in backticks, shortened, as YAML users wrote it. */
export function showValue(value: unknown): string {
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === undefined) text = String(value);
  if (text.length > 60) text = `${text.slice(0, 57)}...`;
  return "`" + text.replace(/`/g, "'").replace(/\n/g, "\\n") + "`";
}

function kindOf(value: unknown): string {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}

function expectedKind(type: string | string[]): string {
  const names: Record<string, string> = { object: "a mapping", array: "a list", string: "text", integer: "a whole number", number: "a number", boolean: "true or false", null: "null" };
  const types = Array.isArray(type) ? type : [type];
  return types.map((name) => names[name] ?? name).join(" or ");
}

function listValues(values: readonly unknown[]): string {
  return values.map((value) => "`" + String(value) + "`").join(", ");
}

function withSuggestion(message: string, value: unknown, candidates: readonly unknown[]): string {
  const suggestion = typeof value === "string" ? closestMatch(value, candidates.map(String)) : undefined;
  return suggestion === undefined ? message : `${message} (did you mean \`${suggestion}\`?)`;
}

function explainOne(error: SchemaError, value: unknown): ExplainedError {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const description = (error.parentSchema as { description?: string } | undefined)?.description;

  switch (error.keyword) {
    case "required":
      return { path, message: `missing required field \`${String(params.missingProperty)}\`` };
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { path, fieldName: name, message: withSuggestion(`unknown field \`${name}\`; expected one of ${listValues(allowed)}`, name, allowed) };
    }
    case "type":
      return { path, message: `${showValue(value)} is ${kindOf(value)}, expected ${expectedKind(params.type as string | string[])}` };
    case "enum": {
      const allowed = params.allowedValues as unknown[];
      return { path, message: withSuggestion(`${showValue(value)} is not one of ${listValues(allowed)}`, value, allowed) };
    }
    case "const":
      return { path, message: `${showValue(value)} is not allowed; expected \`${String(params.allowedValue)}\`` };
    case "format": {
      const expectation = FORMAT_EXPECTATIONS[String(params.format)] ?? `is not a valid ${String(params.format)}`;
      return { path, message: `${showValue(value)} ${expectation}` };
    }
    case "pattern":
      return { path, message: `${showValue(value)} does not have the expected form; expected ${lowerFirst(description ?? `text matching \`${String(params.pattern)}\``)}` };
    case "minLength":
      return Number(params.limit) <= 1
        ? { path, message: "must not be empty" }
        : { path, message: `is ${String(value).length} characters long; expected at least ${String(params.limit)}` };
    case "minItems":
      return { path, message: Number(params.limit) <= 1 ? "must list at least one entry" : `must list at least ${String(params.limit)} entries` };
    case "minimum":
      return { path, message: `${showValue(value)} is below the minimum of ${String(params.limit)}` };
    case "maximum":
      return { path, message: `${showValue(value)} is above the maximum of ${String(params.limit)}` };
    case "uniqueItems":
      return { path, message: `lists the same value twice (entries ${String(params.j)} and ${String(params.i)}); expected each value once` };
    case "propertyNames":
      return { path, fieldName: String(params.propertyName), message: `\`${String(params.propertyName)}\` is not a rule id; expected a kebab-case id such as \`key-expired\`` };
    case "oneOf":
      return { path, message: `does not match exactly one allowed form; expected ${lowerFirst(description ?? "one form of this entry")}` };
    default:
      return { path, message: error.message ?? `fails the schema's \`${error.keyword}\` check` };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");
}

/** Explains Ajv errors against `data`, dropping the branch errors of a failed oneOf unless one branch explains it better. */
export function explainSchemaErrors(errors: readonly SchemaError[], data: unknown): ExplainedError[] {
  const oneOfFailures = errors.filter((error) => error.keyword === "oneOf");
  const isBranchError = (error: SchemaError, oneOf: SchemaError) =>
    error !== oneOf && error.schemaPath.startsWith(`${oneOf.schemaPath}/`) && error.instancePath.startsWith(oneOf.instancePath);

  const kept: SchemaError[] = [];
  for (const error of errors) {
    // A pattern error inside propertyNames repeats what the propertyNames error says.
    if (error.keyword === "pattern" && error.propertyName !== undefined) continue;
    const oneOf = oneOfFailures.find((candidate) => isBranchError(error, candidate));
    if (oneOf === undefined) {
      kept.push(error);
      continue;
    }
    // A value that is neither null nor a valid duration is best explained by the duration branch's format error.
    if (error.keyword === "format" && error.instancePath === oneOf.instancePath) kept.push(error);
  }

  const explained = kept
    .filter((error) => !(error.keyword === "oneOf" && kept.some((other) => other.keyword === "format" && other.instancePath === error.instancePath)))
    .map((error) => explainOne(error, valueAt(data, pointerToPath(error.instancePath))));

  const seen = new Set<string>();
  return explained.filter((item) => {
    const key = JSON.stringify([item.path, item.fieldName, item.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
