// Splits list responses into pages linked by `nextLink`, as ARM and Key Vault do.

export interface PagingSettings {
  pageSize: number;
  emptyFirstPage?: boolean;
}

/**
 * Returns the page that `url` requests. The page number travels in `$skiptoken`, and the
 * next link is the request URL with that parameter replaced, so it is followed verbatim.
 * With `emptyFirstPage`, page 0 is empty but still links on, which clients must follow.
 */
export function pageOf<T>(items: T[], url: URL, paging: PagingSettings, valueName = "value"): Record<string, unknown> {
  const offset = paging.emptyFirstPage === true ? 1 : 0;
  const page = Number(url.searchParams.get("$skiptoken") ?? "0");
  const index = page - offset;
  const slice = index < 0 ? [] : items.slice(index * paging.pageSize, (index + 1) * paging.pageSize);
  const hasMore = index < 0 || (index + 1) * paging.pageSize < items.length;
  const body: Record<string, unknown> = { [valueName]: slice };
  if (hasMore) {
    const next = new URL(url);
    next.searchParams.set("$skiptoken", String(page + 1));
    body["nextLink"] = next.toString();
  }
  return body;
}
