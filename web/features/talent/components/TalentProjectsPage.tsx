import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type TalentProjectRow, talentProjectStatuses } from "../../../../common/talent.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { formatWan } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import { useExport, useRounds, useTalentProjects } from "../api/talent.api";
import { ApplyForm } from "./ApplyForm";

const filterKeys = ["roundId", "status", "parkId"] as const;
export const statusColors: Record<string, string> = {
  applied: "default",
  screening: "processing",
  reviewing: "gold",
  recognised: "success",
  rejected: "error",
};

/** 人才项目: applications of every round in scope; a row opens the project page. */
export const TalentProjectsPage = () => {
  const { t } = useTranslation("talent");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const { ParkPicker } = useExtensions();
  const canManage = usePermission("talent.manage");
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useTalentProjects(list.query);
  const rounds = useRounds({ pageSize: 100 });
  const exportList = useExport("/talent-projects", "人才项目.xlsx");
  const [creating, setCreating] = useState(false);
  const sorter = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const columns: ColumnsType<TalentProjectRow> = [
    {
      title: t("field.projectName"),
      dataIndex: "name",
      ...sorter("name"),
      render: (v: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => navigate(`/talent/projects/${r.id}`)}
        >
          {v}
        </Button>
      ),
    },
    { title: t("field.talent"), dataIndex: "talentName", width: 90, ...sorter("talentName") },
    { title: t("field.enterprise"), dataIndex: "enterpriseName", render: (v) => v ?? "—" },
    { title: t("field.round"), dataIndex: "roundName" },
    { title: t("field.levelApplied"), dataIndex: "levelApplied" },
    {
      title: t("field.status"),
      dataIndex: "status",
      ...sorter("status"),
      render: (s: string) => <Tag color={statusColors[s]}>{t(`status.${s}`)}</Tag>,
    },
    { title: t("field.levelRecognised"), dataIndex: "levelRecognised", render: (v) => v ?? "—" },
    { title: t("field.appliedOn"), dataIndex: "appliedOn", ...sorter("appliedOn") },
    {
      title: t("field.paid"),
      dataIndex: "paidFen",
      align: "right",
      render: (v: number) => (v ? formatWan(v) : "—"),
    },
  ];
  const createButton = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t("projects.create")}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader
        title={t("projects.title")}
        sub={t("projects.sub")}
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
          placeholder={t("projects.searchPh")}
          width={240}
        />
        <Select<string>
          value={list.query.roundId}
          onChange={(roundId) => list.update({ roundId })}
          allowClear
          aria-label={t("field.round")}
          placeholder={t("projects.roundAll")}
          options={rounds.data?.items.map((r) => ({ value: r.id, label: `${r.programmeName} · ${r.name}` }))}
          style={{ width: 240 }}
        />
        <Select<string>
          value={list.query.status}
          onChange={(status) => list.update({ status })}
          allowClear
          aria-label={t("field.status")}
          placeholder={t("projects.statusAll")}
          options={talentProjectStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 130 }}
        />
        <ParkPicker
          value={list.query.parkId ?? null}
          onChange={(parkId) => list.update({ parkId: parkId ?? undefined })}
          allowClear
          placeholder={t("talents.parkAll")}
          style={{ width: 220 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<TalentProjectRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canManage ? t("projects.emptyHint") : t("projects.empty")}
        emptyAction={createButton}
        scrollX={1200}
      />
      <RecordDrawer
        open={creating}
        title={t("projects.create")}
        onClose={() => setCreating(false)}
        subjectType="talent_project"
        subjectId={null}
        size={720}
      >
        <ApplyForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("projects.created", { name: saved.name }));
            setCreating(false);
            navigate(`/talent/projects/${saved.id}`);
          }}
        />
      </RecordDrawer>
    </>
  );
};
