// Loads an inventory snapshot: JSON syntax, then the inventory schema. The
// SHA-256 is taken over the bytes as read, because the document prints it as
// the evidence that ties the verdicts to this exact file.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { InputError } from "../errors.js";
import { explainSchemaErrors } from "../schema/explain.js";
import { formatPath } from "../declared/source-map.js";
import { schemaValidator } from "../schema/validator.js";
import type { Inventory } from "./model.js";

export interface LoadedInventory {
  inventory: Inventory;
  /** The snapshot file's bytes, copied unchanged to out/inventory.json. */
  bytes: Buffer;
  sha256: string;
  file: string;
}

/** Returns the 1-based line and column of a character offset in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Parses and validates snapshot bytes; `file` names them in messages. */
export function parseInventory(file: string, bytes: Buffer): LoadedInventory {
  const text = bytes.toString("utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const at = match ? position(text, Number(match[1])) : { line: 1, column: 1 };
    throw new InputError(`Inventory snapshot ${file} is not valid JSON:`, [`${file}:${at.line}:${at.column} ${(error as Error).message}`], {
      cause: error,
      hint: "Collect a fresh snapshot with `cryptodoc collect --output FILE`, or restore the file from git.",
    });
  }

  const validate = schemaValidator("inventory");
  if (!validate(data)) {
    const problems = explainSchemaErrors(validate.errors ?? [], data).map((error) => {
      const path = error.fieldName === undefined ? error.path : [...error.path, error.fieldName];
      return `${file} ${formatPath(path)}: ${error.message}`;
    });
    throw new InputError(`Inventory snapshot ${file} does not match schemas/inventory.schema.json:`, problems, {
      hint: "Collect a fresh snapshot with `cryptodoc collect --output FILE`; snapshots are written by cryptodoc, not by hand.",
    });
  }

  return { inventory: data as Inventory, bytes, sha256: createHash("sha256").update(bytes).digest("hex"), file };
}

/** Reads and validates the snapshot at `file`. */
export function loadInventory(file: string): LoadedInventory {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : `cannot be read (${(error as Error).message})`;
    throw new InputError(`Inventory snapshot \`${file}\` ${reason}.`, [], {
      cause: error,
      hint: "Set `inventory.snapshot` in architecture.yaml, pass --inventory FILE, or collect one with `cryptodoc collect --output FILE`.",
    });
  }
  return parseInventory(file, bytes);
}
