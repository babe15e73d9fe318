// Maps a field path in a parsed YAML document back to its line and column,
// so every diagnostic and finding can point at the line that declares it.
import { isMap, isNode, isPair, isScalar, type Document, type LineCounter } from "yaml";
import type { SourceLocation } from "./model.js";

export type FieldPath = (string | number)[];

export class SourceMap {
  constructor(
    private readonly file: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Locates the value at `path`, or the nearest ancestor that exists. */
  locate(path: FieldPath): SourceLocation {
    for (let length = path.length; length >= 0; length--) {
      const node = this.document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return this.position(node.range[0]);
    }
    return { file: this.file, line: 1, column: 1 };
  }

  /** Locates the key of field `name` in the map at `path`: where an unknown field is written. */
  locateKey(path: FieldPath, name: string): SourceLocation {
    const parent = this.document.getIn(path, true);
    if (isMap(parent)) {
      for (const item of parent.items) {
        if (isPair(item) && isScalar(item.key) && item.key.value === name && item.key.range) {
          return this.position(item.key.range[0]);
        }
      }
    }
    return this.locate(path);
  }

  position(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }
}

/** Writes a path as a reader would: `keys[2].rotation.every`. */
export function formatPath(path: FieldPath): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? part : `.${part}`;
  }
  return text === "" ? "(top level)" : text;
}

/** Formats one diagnostic: `file:line:column path: message`. */
export function formatDiagnostic(at: SourceLocation, path: FieldPath, message: string): string {
  return `${at.file}:${at.line}:${at.column} ${formatPath(path)}: ${message}`;
}
