// Folds per-key data-plane failures into one entry per operation and cause.
import type { CollectionError } from "../model.js";
import { toCollectionError } from "./collection-error.js";

/**
 * Groups failures of one store by operation, status and code, so a vault whose data role is
 * missing gives one line, not one per key. Each entry's message names up to five keys.
 */
export class FailureTally {
  private readonly groups = new Map<string, { entry: CollectionError; keys: string[] }>();

  constructor(private readonly storeId: string) {}

  add(operation: string, keyName: string, error: unknown): void {
    const entry = toCollectionError(this.storeId, operation, error);
    const groupKey = `${operation}\u0000${entry.status}\u0000${entry.code}`;
    const group = this.groups.get(groupKey) ?? { entry, keys: [] };
    group.keys.push(keyName);
    this.groups.set(groupKey, group);
  }

  entries(): CollectionError[] {
    return [...this.groups.values()].map(({ entry, keys }) => {
      const sorted = [...keys].sort();
      const named = sorted.slice(0, 5).map((name) => `\`${name}\``).join(", ");
      const more = sorted.length > 5 ? ` and ${sorted.length - 5} more` : "";
      return { ...entry, message: `${entry.message} (${sorted.length} keys: ${named}${more})` };
    });
  }
}
