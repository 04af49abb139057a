import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type ComponentType, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SubjectType } from "../../../../common/enums";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { type DrawerState, RecordDrawer } from "../../../components/RecordDrawer";
import type { RecordFormProps } from "../../../components/RecordForm";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { type ListState, useListState } from "../../../lib/list-state";
import type { OrgResourceHooks } from "../api/resource";
import { RegionPicker } from "./RegionPicker";
import { RowActions } from "./RowActions";

interface OrgRecord {
  id: string;
  name: string;
  version: number;
  updatedAt: string;
}

/** A sortable column's key, sorter and current order, from the URL. */
export type Sortable = (key: string) => { key: string; sorter: true; sortOrder: "ascend" | "descend" | null };

interface Props<T extends OrgRecord, K extends string> {
  /** The page's messages in the org namespace: `<section>.title`, `.sub`, `.name`, `.create`, … */
  section: "parks" | "teams" | "departments";
  subjectType: SubjectType;
  /** URL filters besides the search text; a module-level constant, as `useListState` wants. */
  filterKeys: readonly (K | "regionId")[];
  /** The resource's named hooks; a module-level constant, so every render calls the same hooks. */
  api: Pick<OrgResourceHooks<T>, "useList" | "useOne" | "useDelete" | "useExport">;
  /** The columns between the name and 更新时间. */
  columns: (sortable: Sortable) => ColumnsType<T>;
  /** A second line under the name (e.g. a park's short name). */
  nameNote?: (record: T) => string | null;
  /** Filters after the search box and the region picker. */
  filters?: (list: ListState<K | "regionId">) => ReactNode;
  scrollX?: number;
  form: ComponentType<RecordFormProps<T>>;
}

/**
 * An org list page: header with export and create, search and region
 * filters, the server-paged table with edit / trail / delete per row, and
 * the record drawer with its form.
 */
export const RecordListPage = <T extends OrgRecord, K extends string>(p: Props<T, K>) => {
  const { t } = useTranslation("org");
  const feedback = useFeedback();
  const canWrite = usePermission("org.write");
  const list = useListState(p.filterKeys);
  const { data, isFetching, error, refetch } = p.api.useList(list.query);
  const exportList = p.api.useExport();
  const remove = p.api.useDelete();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const current = p.api.useOne(drawer?.id);
  const RecordForm = p.form;
  const s = p.section;

  const onDelete = (x: T) =>
    remove
      .mutateAsync({ id: x.id, version: x.version })
      .then(() => feedback.success(t("common.deleted", { name: x.name })), feedback.error);

  const sortable: Sortable = (key) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });

  const nameLink = (x: T) => (
    <Typography.Link onClick={() => setDrawer({ id: x.id, trail: false })}>{x.name}</Typography.Link>
  );

  const columns: ColumnsType<T> = [
    {
      title: t(`${s}.name`),
      dataIndex: "name",
      // With scroll.x set, an unsized column gets what is left over and can shrink to one character.
      width: 240,
      ...sortable("name"),
      render: (_, x) => {
        if (!p.nameNote) return nameLink(x);
        const note = p.nameNote(x);
        return (
          <Flex vertical>
            {nameLink(x)}
            {note && <Typography.Text type="secondary">{note}</Typography.Text>}
          </Flex>
        );
      },
    },
    ...p.columns(sortable),
    {
      title: t("common:field.updatedAt"),
      dataIndex: "updatedAt",
      key: "updatedAt",
      render: (v: string) => formatDateTime(v),
      width: 150,
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: 200,
      render: (_, x) => (
        <RowActions
          name={x.name}
          canWrite={canWrite}
          onEdit={() => setDrawer({ id: x.id, trail: false })}
          onTrail={() => setDrawer({ id: x.id, trail: true })}
          onDelete={() => onDelete(x)}
        />
      ),
    },
  ];

  const createButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null, trail: false })}>
      {t(`${s}.create`)}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t(`${s}.title`)}
        sub={t(`${s}.sub`)}
        extra={
          <>
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t(`${s}.searchPh`)}
        />
        <RegionPicker
          value={list.query.regionId ?? null}
          onChange={(regionId) => list.update({ regionId })}
          placeholder={t("common.regionAll")}
          style={{ width: 220 }}
        />
        {p.filters?.(list)}
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<T>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t(`${s}.empty`)}
        emptyAction={createButton}
        scrollX={p.scrollX}
      />
      <RecordDrawer
        open={drawer !== null}
        title={drawer?.id ? (current.data?.name ?? t(`${s}.edit`)) : t(`${s}.create`)}
        onClose={() => setDrawer(null)}
        subjectType={p.subjectType}
        subjectId={drawer?.id ?? null}
        loading={Boolean(drawer?.id) && !current.data}
        startOnTrail={drawer?.trail}
      >
        <RecordForm
          key={`${current.data?.id ?? "new"}:${current.data?.version ?? 0}`}
          record={drawer?.id ? (current.data ?? null) : null}
          readOnly={!canWrite}
          onCancel={() => setDrawer(null)}
          onReload={() => void current.refetch()}
          onDone={(saved, created) => {
            feedback.success(t(created ? "common.created" : "common.saved", { name: saved.name }));
            setDrawer(null);
          }}
        />
      </RecordDrawer>
    </>
  );
};
