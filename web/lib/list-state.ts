import type { SorterResult, TablePaginationConfig } from "antd/es/table/interface";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

export interface ListQuery {
  page: number;
  pageSize: number;
  q?: string;
  sort?: string;
  order?: "asc" | "desc";
}

/**
 * List paging, search, sorting and filters kept in the URL, so a reload or
 * the back button returns to the same page of the same list.
 */
export const useListState = <K extends string>(filterKeys: readonly K[], defaultPageSize = 20) => {
  const [params, setParams] = useSearchParams();

  const query = useMemo(() => {
    const page = Number(params.get("page") ?? "1");
    const pageSize = Number(params.get("pageSize") ?? String(defaultPageSize));
    const order = params.get("order");
    const filters = {} as Record<K, string | undefined>;
    for (const k of filterKeys) filters[k] = params.get(k) ?? undefined;
    return {
      page: Number.isFinite(page) && page > 0 ? page : 1,
      pageSize: Number.isFinite(pageSize) && pageSize > 0 ? pageSize : defaultPageSize,
      q: params.get("q") ?? undefined,
      sort: params.get("sort") ?? undefined,
      order: order === "desc" ? ("desc" as const) : order === "asc" ? ("asc" as const) : undefined,
      ...filters,
    };
  }, [params, filterKeys, defaultPageSize]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>, resetPage = true) => {
      // From the address bar, not the router's `prev`: react-router does not queue functional
      // updates, so a filter click followed at once by a sort click lost the filter.
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === null || v === "") next.delete(k);
        else next.set(k, String(v));
      }
      if (resetPage && !("page" in changes)) next.delete("page");
      setParams(next, { replace: true });
    },
    [setParams],
  );

  const hasFilters = Boolean(query.q) || filterKeys.some((k) => Boolean(params.get(k)));

  const clear = useCallback(() => {
    const changes: Record<string, undefined> = { q: undefined };
    for (const k of filterKeys) changes[k] = undefined;
    update(changes);
  }, [filterKeys, update]);

  /** antd Table onChange → page/pageSize/sort/order in the URL. */
  const onTableChange = useCallback(
    <T>(
      pagination: TablePaginationConfig,
      _filters: unknown,
      sorter: SorterResult<T> | SorterResult<T>[],
    ) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = s?.order ? String(s.columnKey ?? s.field ?? "") : "";
      update(
        {
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? defaultPageSize,
          sort: field || undefined,
          order: field ? (s?.order === "descend" ? "desc" : "asc") : undefined,
        },
        false,
      );
    },
    [update, defaultPageSize],
  );

  /** The antd `sortOrder` of a column, from the URL. */
  const sortOrderOf = (key: string): "ascend" | "descend" | null =>
    query.sort === key ? (query.order === "desc" ? "descend" : "ascend") : null;

  return { query, update, clear, hasFilters, onTableChange, sortOrderOf };
};

/** What `useListState` gives a page: its query, and the means to change it. */
export type ListState<K extends string> = ReturnType<typeof useListState<K>>;
