import { FileExcelOutlined, FileWordOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Select, Space, Tabs, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import {
  type BulletinRow,
  bulletinCadenceLabels,
  bulletinCadences,
  bulletinStatuses,
  bulletinStatusLabels,
} from "../../../../common/bulletin.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import {
  useBulletins,
  useDownloadBulletin,
  useExportBulletins,
  useIssueBulletin,
} from "../api/bulletins.api";
import { GenerateModal } from "./GenerateModal";
import { SchedulesPanel } from "./SchedulesPanel";

const archiveFilters = ["cadence", "status", "year"] as const;
const thisYear = new Date().getFullYear();

/** 通报: the archive of generated bulletins and the schedules that produce them. */
export const BulletinsPage = () => {
  const { t } = useTranslation("bulletins");
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "schedules" ? "schedules" : "archive";
  const canGenerate = usePermission("bulletin.generate");
  const [generating, setGenerating] = useState(false);
  const feedback = useFeedback();
  return (
    <>
      <PageHeader
        title={t("title")}
        sub={t("sub")}
        extra={
          canGenerate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
              {t("archive.generate")}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "archive" ? {} : { tab: k }, { replace: true })}
        items={[
          { key: "archive", label: t("tabs.archive"), children: tab === "archive" && <ArchiveList /> },
          {
            key: "schedules",
            label: t("tabs.schedules"),
            children: tab === "schedules" && <SchedulesPanel />,
          },
        ]}
      />
      {generating && (
        <GenerateModal
          onClose={() => setGenerating(false)}
          onDone={(row) => {
            setGenerating(false);
            feedback.success(t("generate.done", { docNo: row.docNo }));
            if (tab !== "archive") setParams({}, { replace: true });
          }}
        />
      )}
    </>
  );
};

const ArchiveList = () => {
  const { t } = useTranslation("bulletins");
  const feedback = useFeedback();
  const list = useListState(archiveFilters);
  const page = useBulletins(list.query);
  const exporter = useExportBulletins();
  const download = useDownloadBulletin();
  const issue = useIssueBulletin();
  const canGenerate = usePermission("bulletin.generate");
  const [trail, setTrail] = useState<BulletinRow | null>(null);
  const columns: ColumnsType<BulletinRow> = [
    {
      title: t("archive.docNo"),
      dataIndex: "docNo",
      key: "docSeq",
      width: 190,
      sorter: true,
      sortOrder: list.sortOrderOf("docSeq"),
    },
    { title: t("archive.titleCol"), dataIndex: "title", key: "title", width: 280 },
    {
      title: t("archive.period"),
      dataIndex: "periodLabel",
      key: "toOn",
      width: 140,
      sorter: true,
      sortOrder: list.sortOrderOf("toOn"),
    },
    {
      title: t("archive.cadence"),
      key: "cadence",
      width: 90,
      render: (_, b) => bulletinCadenceLabels[b.cadence],
    },
    {
      title: t("archive.status"),
      key: "status",
      width: 90,
      render: (_, b) => (
        <Tag color={b.status === "issued" ? "green" : "blue"}>{bulletinStatusLabels[b.status]}</Tag>
      ),
    },
    {
      title: t("archive.figures"),
      key: "figures",
      width: 260,
      render: (_, b) =>
        t("archive.figuresText", {
          lagging: b.summary.lagging,
          nodes: b.summary.overdueNodes,
          problems: b.summary.openProblems,
          appeals: b.summary.openAppeals,
        }),
    },
    {
      title: t("archive.generatedAt"),
      key: "generatedAt",
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf("generatedAt"),
      render: (_, b) => formatDateTime(b.generatedAt),
    },
    {
      title: t("archive.generatedBy"),
      key: "by",
      width: 110,
      render: (_, b) => b.generatedByName ?? t("archive.system"),
    },
    {
      title: "",
      key: "actions",
      fixed: "right",
      width: 320,
      render: (_, b) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<FileWordOutlined />}
            aria-label={`${t("archive.docx")} ${b.docNo}`}
            loading={
              download.isPending &&
              download.variables?.row.id === b.id &&
              download.variables.format === "docx"
            }
            onClick={() => download.mutate({ row: b, format: "docx" }, { onError: feedback.error })}
          >
            {t("archive.docx")}
          </Button>
          <Button
            size="small"
            icon={<FileExcelOutlined />}
            loading={
              download.isPending &&
              download.variables?.row.id === b.id &&
              download.variables.format === "xlsx"
            }
            onClick={() => download.mutate({ row: b, format: "xlsx" }, { onError: feedback.error })}
          >
            {t("archive.xlsx")}
          </Button>
          {canGenerate && b.status !== "issued" && (
            <Popconfirm
              title={t("archive.confirmIssue", { name: b.docNo })}
              onConfirm={() =>
                issue.mutate(b, {
                  onSuccess: () => feedback.success(t("archive.issued")),
                  onError: feedback.error,
                })
              }
            >
              <Typography.Link>{t("archive.issue")}</Typography.Link>
            </Popconfirm>
          )}
          <Typography.Link onClick={() => setTrail(b)}>{t("archive.trail")}</Typography.Link>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("archive.search")}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("archive.allCadences")}
          value={list.query.cadence}
          onChange={(v) => list.update({ cadence: v })}
          options={bulletinCadences.map((c) => ({ value: c, label: bulletinCadenceLabels[c] }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t("archive.allStatuses")}
          value={list.query.status}
          onChange={(v) => list.update({ status: v })}
          options={bulletinStatuses.map((s) => ({ value: s, label: bulletinStatusLabels[s] }))}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("archive.year")}
          value={list.query.year}
          onChange={(v) => list.update({ year: v })}
          options={[0, 1, 2].map((d) => ({ value: String(thisYear - d), label: `${thisYear - d}年` }))}
        />
        <ExportButton mutation={exporter} params={list.query} />
      </Flex>
      <ApiErrorAlert error={page.error} onRetry={() => void page.refetch()} />
      <ListTable<BulletinRow>
        columns={columns}
        page={page.data}
        loading={page.isFetching}
        list={list}
        emptyText={t("archive.empty")}
        scrollX={1500}
      />
      <RecordDrawer
        open={Boolean(trail)}
        title={trail?.name}
        onClose={() => setTrail(null)}
        subjectType="bulletin"
        subjectId={trail?.id ?? null}
        startOnTrail
      >
        {trail && (
          <Typography.Paragraph>
            {trail.docNo}　{trail.title}（{trail.periodLabel}）
          </Typography.Paragraph>
        )}
      </RecordDrawer>
    </>
  );
};
