import { LinkOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExpertRow } from "../../../../common/review.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { type DrawerState, RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useExpert, useExpertFields, useExperts, useExportExperts } from "../api/experts.api";
import { ExpertForm } from "./ExpertForm";

const filterKeys = ["field", "active"] as const;

/** 专家库: the pool panels are drawn from; search, filter, export, add and edit experts. */
export const ExpertsPage = () => {
  const { t } = useTranslation("reviews");
  const feedback = useFeedback();
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useExperts(list.query);
  const fields = useExpertFields();
  const exportList = useExportExperts();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const current = useExpert(drawer?.id);
  const f = list.query;

  const columns: ColumnsType<ExpertRow> = [
    {
      title: t("field.name"),
      dataIndex: "name",
      width: 170,
      render: (_, x) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => setDrawer({ id: x.id, trail: false })}
            >
              {x.name}
            </Button>
            {x.userId && (
              <Tooltip title={t("experts.accountLinked")}>
                <LinkOutlined aria-label={t("experts.accountLinked")} style={{ color: "#1677ff" }} />
              </Tooltip>
            )}
          </Flex>
          {x.title && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {x.title}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t("field.organization"), dataIndex: "organization", width: 200, ellipsis: true },
    {
      title: t("field.fields"),
      dataIndex: "fields",
      width: 240,
      render: (v: string[]) => (
        <Flex gap={4} wrap>
          {v.map((x) => (
            <Tag
              key={x}
              style={{ marginInlineEnd: 0, cursor: "pointer" }}
              onClick={() => list.update({ field: x })}
            >
              {x}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t("field.phone"), dataIndex: "phone", width: 130 },
    {
      title: t("field.tied"),
      dataIndex: "tiedEnterpriseIds",
      width: 100,
      render: (v: string[]) =>
        v.length ? (
          <Typography.Text type="warning">{t("experts.tiedCount", { n: v.length })}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t("field.active"),
      dataIndex: "active",
      width: 80,
      render: (v: boolean) => (
        <Tag color={v ? "green" : "default"} style={{ marginInlineEnd: 0 }}>
          {v ? t("experts.active") : t("experts.inactive")}
        </Tag>
      ),
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: 120,
      render: (_, x) => (
        <Flex>
          <Button type="link" size="small" onClick={() => setDrawer({ id: x.id, trail: false })}>
            {t("common:action.edit")}
          </Button>
          <Button type="link" size="small" onClick={() => setDrawer({ id: x.id, trail: true })}>
            {t("experts.trail")}
          </Button>
        </Flex>
      ),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null, trail: false })}>
      {t("experts.create")}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t("experts.title")}
        sub={t("experts.sub")}
        extra={
          <>
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={f.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("experts.searchPh")}
          width={300}
        />
        <Select<string>
          value={f.field ?? undefined}
          onChange={(field) => list.update({ field })}
          allowClear
          showSearch
          placeholder={t("experts.fieldAll")}
          aria-label={t("field.fields")}
          options={(fields.data ?? []).map((x) => ({ value: x, label: x }))}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
        />
        <Select<"yes" | "no">
          value={(f.active as "yes" | "no" | undefined) ?? undefined}
          onChange={(active) => list.update({ active })}
          allowClear
          placeholder={t("experts.activeAll")}
          aria-label={t("field.active")}
          options={[
            { value: "yes", label: t("experts.active") },
            { value: "no", label: t("experts.inactive") },
          ]}
          style={{ width: 110 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ExpertRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("experts.emptyHint")}
        emptyAction={createButton}
        scrollX={1040}
      />
      <RecordDrawer
        open={drawer !== null}
        title={drawer?.id ? (current.data?.name ?? t("experts.edit")) : t("experts.create")}
        onClose={() => setDrawer(null)}
        subjectType="expert"
        subjectId={drawer?.id ?? null}
        loading={Boolean(drawer?.id) && !current.data}
        startOnTrail={drawer?.trail}
        size={680}
      >
        <ExpertForm
          key={`${current.data?.id ?? "new"}:${current.data?.version ?? 0}`}
          record={drawer?.id ? (current.data ?? null) : null}
          readOnly={false}
          onCancel={() => setDrawer(null)}
          onReload={() => void current.refetch()}
          onDone={(saved, created) => {
            feedback.success(t(created ? "experts.created" : "experts.saved", { name: saved.name }));
            setDrawer(null);
          }}
        />
      </RecordDrawer>
    </>
  );
};
