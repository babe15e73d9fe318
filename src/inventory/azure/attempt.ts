// Runs one Azure call and records its failure instead of throwing.
import type { CollectContext } from "./context.js";
import { toCollectionError } from "./collection-error.js";

/**
 * Returns the call's result, or null after adding a collectionErrors entry for `scope`
 * and `operation`. A null result therefore always has an entry explaining it.
 */
export async function attempt<T>(context: CollectContext, scope: string, operation: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    context.errors.push(toCollectionError(scope, operation, error));
    return null;
  }
}

/** Reads every page of an SDK listing. */
export async function listAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}
