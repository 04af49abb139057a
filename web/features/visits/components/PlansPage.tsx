import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Select, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { VisitPlanRow } from "../../../../common/visit.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { SearchBox } from "../../../components/SearchBox";
import { isApiError } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useDeletePlan, useVisitPlans } from "../api/plans.api";
import { PlanForm } from "./PlanForm";
import { FormDrawer, useCompact } from "./VisitBits";

const filterKeys = ["regionId", "active"] as const;

/** 走访计划: coverage goals per period and population; each opens its coverage. */
export const PlansPage = () => {
  const { t } = useTranslation("visits");
  const feedback = useFeedback();
  const canPlan = usePermission("visit.plan");
  const { RegionPicker } = useExtensions();
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useVisitPlans(list.query);
  const remove = useDeletePlan();
  const [editing, setEditing] = useState<VisitPlanRow | "new" | null>(null);
  const compact = useCompact();

  const onDelete = (p: VisitPlanRow) =>
    remove.mutateAsync({ id: p.id, version: p.version }).then(
      () => feedback.success(t("plan.deleted", { name: p.name })),
      (e: unknown) =>
        feedback.error(isApiError(e) && e.code === "STALE_VERSION" ? new Error(t("plan.staleDelete")) : e),
    );

  const columns: ColumnsType<VisitPlanRow> = [
    {
      title: t("plan.name"),
      dataIndex: "name",
      key: "name",
      width: 260,
      render: (v: string, p) => (
        <Flex vertical>
          <Link to={`/visits/plans/${p.id}`}>{v}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[...new Set([p.regionName, p.parkName])].filter(Boolean).join(" · ")}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("plan.condition"),
      dataIndex: "conditionText",
      responsive: ["md"],
      render: (v: string) => <Typography.Text>{v}</Typography.Text>,
    },
    {
      title: t("plan.period"),
      dataIndex: "period",
      width: 90,
      render: (_, p) => <Tag color="blue">{t(`period.${p.period}`)}</Tag>,
    },
    {
      title: t("plan.targetRate"),
      dataIndex: "targetRate",
      width: 100,
      align: "right",
      render: (v: number) => `${v}%`,
    },
    {
      title: t("plan.status"),
      dataIndex: "active",
      width: 80,
      render: (v: boolean) => (v ? <Tag color="green">{t("plan.on")}</Tag> : <Tag>{t("plan.off")}</Tag>),
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      width: canPlan ? 170 : 90,
      fixed: compact ? undefined : "right",
      render: (_, p) => (
        <Flex gap={4} align="center">
          <Link to={`/visits/plans/${p.id}`}>{t("plan.coverage")}</Link>
          {canPlan && (
            <>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t("plan.editOne", { name: p.name })}
                title={t("common:action.edit")}
                onClick={() => setEditing(p)}
              />
              <Popconfirm
                title={t("common:confirm.delete", { name: p.name })}
                description={t("plan.deleteHint")}
                okText={t("common:action.delete")}
                okButtonProps={{ danger: true }}
                cancelText={t("common:action.cancel")}
                onConfirm={() => onDelete(p)}
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("plan.deleteOne", { name: p.name })}
                  title={t("common:action.delete")}
                />
              </Popconfirm>
            </>
          )}
        </Flex>
      ),
    },
  ];

  const createButton = canPlan ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
      {t("plan.create")}
    </Button>
  ) : undefined;
  const record = editing === "new" ? null : editing;

  return (
    <>
      <PageHeader title={t("plan.title")} sub={t("plan.sub")} extra={createButton} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("plan.searchPh")}
        />
        <RegionPicker
          value={list.query.regionId ?? null}
          onChange={(regionId) => list.update({ regionId })}
          placeholder={t("plan.regionAll")}
          style={{ width: 220 }}
        />
        <Select<string>
          value={list.query.active}
          onChange={(active) => list.update({ active })}
          allowClear
          placeholder={t("plan.statusAll")}
          aria-label={t("plan.status")}
          options={[
            { value: "true", label: t("plan.on") },
            { value: "false", label: t("plan.off") },
          ]}
          style={{ width: 120 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<VisitPlanRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canPlan ? t("plan.emptyHint") : t("plan.empty")}
        emptyAction={createButton}
        scrollX={900}
      />
      <FormDrawer
        open={editing !== null}
        title={record ? t("plan.edit") : t("plan.create")}
        onClose={() => setEditing(null)}
        size={820}
      >
        <PlanForm
          key={record ? `${record.id}:${record.version}` : "new"}
          record={record}
          onCancel={() => setEditing(null)}
          onReload={() => {
            setEditing(null);
            void refetch();
          }}
          onDone={(saved, created) => {
            feedback.success(t(created ? "plan.created" : "plan.saved", { name: saved.name }));
            setEditing(null);
          }}
        />
      </FormDrawer>
    </>
  );
};
