import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Department } from "../../../../common/org.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { type DrawerState, RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import {
  useDeleteDepartment,
  useDepartment,
  useDepartments,
  useExportDepartments,
} from "../api/departments.api";
import { DepartmentForm } from "./DepartmentForm";
import { RegionPicker } from "./RegionPicker";
import { RowActions } from "./RowActions";

const filterKeys = ["regionId"] as const;

export const DepartmentsPage = () => {
  const { t } = useTranslation("org");
  const feedback = useFeedback();
  const canWrite = usePermission("org.write");
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useDepartments(list.query);
  const exportDepartments = useExportDepartments();
  const remove = useDeleteDepartment();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const current = useDepartment(drawer?.id);

  const onDelete = (x: Department) =>
    remove
      .mutateAsync({ id: x.id, version: x.version })
      .then(() => feedback.success(t("common.deleted", { name: x.name })), feedback.error);

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });

  const columns: ColumnsType<Department> = [
    {
      title: t("departments.name"),
      dataIndex: "name",
      ...sortable("name"),
      render: (_, x) => (
        <Typography.Link onClick={() => setDrawer({ id: x.id, trail: false })}>{x.name}</Typography.Link>
      ),
    },
    { title: t("departments.shortName"), dataIndex: "shortName", key: "shortName" },
    { title: t("common.region"), dataIndex: "regionName", ...sortable("region") },
    { title: t("departments.phone"), dataIndex: "phone", key: "phone" },
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
      {t("departments.create")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t("departments.title")}
        sub={t("departments.sub")}
        extra={
          <>
            <ExportButton mutation={exportDepartments} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("departments.searchPh")}
        />
        <RegionPicker
          value={list.query.regionId ?? null}
          onChange={(regionId) => list.update({ regionId })}
          placeholder={t("common.regionAll")}
          style={{ width: 220 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<Department>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("departments.empty")}
        emptyAction={createButton}
      />
      <RecordDrawer
        open={drawer !== null}
        title={drawer?.id ? (current.data?.name ?? t("departments.edit")) : t("departments.create")}
        onClose={() => setDrawer(null)}
        subjectType="department"
        subjectId={drawer?.id ?? null}
        loading={Boolean(drawer?.id) && !current.data}
        startOnTrail={drawer?.trail}
      >
        <DepartmentForm
          key={`${current.data?.id ?? "new"}:${current.data?.version ?? 0}`}
          department={drawer?.id ? (current.data ?? null) : null}
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
