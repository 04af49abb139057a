import { Button, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { JobView } from "../../../../common/jobs.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { useJobs, useRunJob } from "../api/jobs.api";

/** Scheduled jobs: schedule, last outcome, next run, and a way to run one now. */
export const JobsTable = () => {
  const { t } = useTranslation("notify");
  const feedback = useFeedback();
  const { data, isLoading, error, refetch } = useJobs();
  const run = useRunJob();

  const onRun = (j: JobView) =>
    run.mutate(j.name, {
      onSuccess: (r) =>
        r.status === "ok"
          ? feedback.success(t("job.ranOk", { summary: r.summary ?? "" }))
          : feedback.error(new Error(t("job.ranFailed", { error: r.error ?? "" }))),
      onError: feedback.error,
    });

  const columns: ColumnsType<JobView> = [
    {
      title: t("job.name"),
      key: "name",
      width: 220,
      render: (_, j) => (
        <>
          <div>{j.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: "monospace" }}>
            {j.name}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t("job.schedule"),
      key: "schedule",
      width: 130,
      render: (_, j) =>
        j.everyMinutes ? t("job.every", { n: j.everyMinutes }) : t("job.daily", { at: j.dailyAt }),
    },
    {
      title: t("job.lastRun"),
      key: "lastRun",
      width: 150,
      render: (_, j) => (j.lastRun ? formatDateTime(j.lastRun.startedAt) : t("job.never")),
    },
    {
      title: t("job.status"),
      key: "status",
      width: 90,
      render: (_, j) =>
        j.running ? (
          <Tag color="processing">{t("job.running")}</Tag>
        ) : j.lastRun ? (
          <Tag color={j.lastRun.status === "ok" ? "success" : "error"}>{t(`job.${j.lastRun.status}`)}</Tag>
        ) : null,
    },
    {
      title: t("job.summary"),
      key: "summary",
      ellipsis: true,
      render: (_, j) =>
        j.lastRun?.error ? (
          <Typography.Text type="danger" title={j.lastRun.error}>
            {j.lastRun.error}
          </Typography.Text>
        ) : (
          (j.lastRun?.summary ?? "")
        ),
    },
    { title: t("job.nextRunAt"), dataIndex: "nextRunAt", key: "next", width: 150, render: formatDateTime },
    {
      title: t("common:action.actions"),
      key: "actions",
      width: 110,
      render: (_, j) => (
        <Button
          type="link"
          size="small"
          disabled={j.running}
          loading={run.isPending && run.variables === j.name}
          onClick={() => onRun(j)}
        >
          {t("job.run")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<JobView>
        rowKey="name"
        columns={columns}
        dataSource={data?.items}
        loading={isLoading}
        pagination={false}
        scroll={{ x: 1000 }}
      />
    </>
  );
};
