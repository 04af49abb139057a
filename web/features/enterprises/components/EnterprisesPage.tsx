import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Enterprise } from "../../../../common/enterprise.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { type DrawerState, RecordDrawer } from "../../../components/RecordDrawer";
import { SavedViews } from "../../../components/SavedViews";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import {
  useDeleteEnterprise,
  useEnterprise,
  useEnterprises,
  useExportEnterprises,
} from "../api/enterprises.api";
import { formatCapital } from "../format";
import { StatusTags, UsccText } from "./EnterpriseBits";
import { EnterpriseFilters, enterpriseFilterKeys } from "./EnterpriseFilters";
import { EnterpriseForm } from "./EnterpriseForm";
import { LabelTags } from "./LabelTags";

/** 企业库: search, filter, page through and export the registry; add and edit firms. */
export const EnterprisesPage = () => {
  const { t } = useTranslation("enterprises");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canWrite = usePermission("enterprise.write");
  const canImport = usePermission("enterprise.import");
  const list = useListState(enterpriseFilterKeys);
  const { data, isFetching, error, refetch } = useEnterprises(list.query);
  const exportList = useExportEnterprises();
  const remove = useDeleteEnterprise();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const current = useEnterprise(drawer?.id);

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const onDelete = (x: Enterprise) =>
    remove
      .mutateAsync({ id: x.id, version: x.version })
      .then(() => feedback.success(t("list.deleted", { name: x.name })), feedback.error);

  const columns: ColumnsType<Enterprise> = [
    {
      title: t("field.name"),
      dataIndex: "name",
      width: 250,
      ...sortable("name"),
      render: (_, x) => (
        <Flex vertical>
          <Link to={`/enterprises/${x.id}`}>{x.name}</Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 230 }}>
            {[x.parkName ?? x.regionName, x.industryName].filter(Boolean).join(" · ")}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("field.uscc"),
      dataIndex: "uscc",
      width: 190,
      ...sortable("uscc"),
      render: (v: string | null) => <UsccText uscc={v} />,
    },
    {
      title: t("field.labels"),
      dataIndex: "labels",
      width: 170,
      render: (_, x) => <LabelTags labels={x.labels} />,
    },
    {
      title: t("field.capital"),
      dataIndex: "registeredCapitalFen",
      width: 105,
      align: "right",
      ...sortable("registeredCapitalFen"),
      render: (v: number | null, x) => formatCapital(v, x.capitalCurrency),
    },
    {
      title: t("field.foundedOn"),
      dataIndex: "foundedOn",
      width: 105,
      ...sortable("foundedOn"),
      render: (v: string | null) => formatDate(v),
    },
    {
      title: t("field.employees"),
      dataIndex: "employees",
      width: 100,
      align: "right",
      ...sortable("employees"),
      render: (v: number | null) => v?.toLocaleString("zh-CN") ?? "",
    },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 100,
      render: (_, x) => <StatusTags status={x.status} sizeClass={x.sizeClass} />,
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: canWrite ? 110 : 70,
      render: (_, x) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDrawer({ id: x.id, trail: false })}>
            {canWrite ? t("common:action.edit") : t("common:action.detail")}
          </Button>
          {canWrite && (
            <Popconfirm
              title={t("page.deleteConfirm", { name: x.name })}
              description={t("page.deleteHint")}
              okText={t("common:action.delete")}
              okButtonProps={{ danger: true }}
              cancelText={t("common:action.cancel")}
              onConfirm={() => onDelete(x)}
            >
              <Button type="link" size="small" danger>
                {t("common:action.delete")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const createButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null, trail: false })}>
      {t("list.create")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t("list.title")}
        sub={t("list.sub")}
        extra={
          <>
            {canImport && (
              <Button icon={<ImportOutlined />} onClick={() => navigate("/enterprises/import")}>
                {t("list.import")}
              </Button>
            )}
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <EnterpriseFilters list={list} />
        <div style={{ marginBottom: 16 }}>
          <SavedViews listKey="enterprises" list={list} filterKeys={enterpriseFilterKeys} />
        </div>
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<Enterprise>
        columns={columns}
        page={data}
        approximate={data ? !data.totalExact : false}
        loading={isFetching}
        list={list}
        emptyText={canWrite ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
        scrollX={1130}
      />
      <RecordDrawer
        open={drawer !== null}
        title={drawer?.id ? (current.data?.name ?? t("page.edit")) : t("list.create")}
        onClose={() => setDrawer(null)}
        subjectType="enterprise"
        subjectId={drawer?.id ?? null}
        loading={Boolean(drawer?.id) && !current.data}
        startOnTrail={drawer?.trail}
        size={720}
      >
        <EnterpriseForm
          key={`${current.data?.id ?? "new"}:${current.data?.version ?? 0}`}
          record={drawer?.id ? (current.data ?? null) : null}
          readOnly={!canWrite}
          onCancel={() => setDrawer(null)}
          onReload={() => void current.refetch()}
          onDone={(saved, created) => {
            feedback.success(t(created ? "list.created" : "list.saved", { name: saved.name }));
            setDrawer(null);
          }}
        />
      </RecordDrawer>
    </>
  );
};
