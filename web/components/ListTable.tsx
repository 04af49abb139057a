import { Table } from "antd";
import type { ColumnsType, TableProps } from "antd/es/table";
import type { SorterResult, TablePaginationConfig } from "antd/es/table/interface";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Page } from "../../common/paging";
import { ListEmpty } from "./ListEmpty";

/** What a table needs from `useListState`. */
export interface ListControl {
  query: { page: number; pageSize: number };
  onTableChange: <R>(p: TablePaginationConfig, f: unknown, s: SorterResult<R> | SorterResult<R>[]) => void;
  hasFilters: boolean;
  clear: () => void;
  update: (changes: Record<string, number | undefined>, resetPage?: boolean) => void;
}

interface Props<T> {
  columns: ColumnsType<T>;
  page: Page<T> | undefined;
  loading: boolean;
  list: ListControl;
  emptyText: string;
  emptyAction?: ReactNode;
  scrollX?: number;
  expandable?: TableProps<T>["expandable"];
  rowKey?: keyof T & string;
  /** The total is the server's estimate (a large list): say "约 N 条". */
  approximate?: boolean;
}

/** A server-paginated, server-sorted antd table with clear empty states. */
export const ListTable = <T extends object>(p: Props<T>) => {
  const { t } = useTranslation();
  const { page, loading } = p;
  const { query, update } = p.list;
  // A page past the end (its last row was just deleted, or a stale URL): the
  // server still counts rows, so go to the last page that has some.
  const pastEnd = Boolean(page && page.items.length === 0 && page.total > 0 && query.page > 1);
  useEffect(() => {
    if (!pastEnd || loading || !page) return;
    const last = Math.max(1, Math.ceil(page.total / query.pageSize));
    update({ page: last > 1 ? Math.min(last, query.page - 1) : undefined }, false);
  }, [pastEnd, loading, page, query.page, query.pageSize, update]);
  return (
    <Table<T>
      rowKey={p.rowKey ?? ("id" as keyof T & string)}
      columns={p.columns}
      dataSource={p.page?.items}
      loading={p.loading}
      onChange={p.list.onTableChange}
      scroll={{ x: p.scrollX ?? 900 }}
      expandable={p.expandable}
      pagination={{
        current: p.list.query.page,
        pageSize: p.list.query.pageSize,
        total: p.page?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) =>
          t(p.approximate ? "table.totalApprox" : "table.total", { total: total.toLocaleString("zh-CN") }),
      }}
      locale={{
        emptyText:
          (p.loading && !p.page) || pastEnd ? (
            " "
          ) : (
            <ListEmpty
              filtered={p.list.hasFilters}
              onClear={p.list.clear}
              emptyText={p.emptyText}
              action={p.emptyAction}
            />
          ),
      }}
    />
  );
};
