import { DownloadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Flex,
  Popconfirm,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useFeedback } from "../../../lib/feedback";
import {
  downloadImportReport,
  type ImportJob,
  useCommitImport,
  useUpdateImport,
  useValidateImport,
} from "../api/imports.api";
import { formatBytes } from "./columns";
import { ProblemsTable } from "./ProblemsTable";

interface Props {
  job: ImportJob;
  onEditMapping: () => void;
}

/** Step 3: the dry run's progress, then its counts and problems; fix cells and check again, or commit. */
export const CheckStep = ({ job, onEditMapping }: Props) => {
  const { t } = useTranslation("imports");
  const feedback = useFeedback();
  const update = useUpdateImport();
  const validate = useValidateImport();
  const commit = useCommitImport();
  const [pending, setPending] = useState(new Map<string, string>());

  if (job.status === "validating") {
    const p = job.progress;
    const percent = p && p.total > 0 ? Math.min(99, Math.round((p.done / p.total) * 100)) : 0;
    return (
      <Card>
        <Flex vertical gap={8}>
          <span>{t("check.running")}</span>
          <Progress percent={percent} status="active" />
          {p && p.total > 0 && (
            <span>{t("check.read", { done: formatBytes(p.done), total: formatBytes(p.total) })}</span>
          )}
        </Flex>
      </Card>
    );
  }

  const c = job.counts;
  const recheck = async () => {
    const corrections = [...pending].map(([key, value]) => {
      const [rowNo, index] = key.split(":").map(Number) as [number, number];
      return { rowNo, index, value };
    });
    await update.mutateAsync({ id: job.id, change: { corrections } });
    setPending(new Map());
    await validate.mutateAsync(job.id);
  };
  const stats: [string, number | undefined, string?][] = [
    [t("check.rows"), c?.rows],
    [t("check.valid"), c?.valid],
    [t("check.errors"), c?.errors, c && c.errors > 0 ? "#cf1322" : undefined],
    [t("check.skipped"), c?.skipped],
    [t("check.duplicates"), c?.duplicates],
    [t("check.create"), c?.create],
    [t("check.update"), c?.update],
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Row gutter={16}>
          {stats.map(([title, value, color]) => (
            <Col key={title} xs={12} sm={6} md={3}>
              <Statistic
                title={title}
                value={value ?? 0}
                styles={{ content: color ? { color } : undefined }}
              />
            </Col>
          ))}
        </Row>
      </Card>
      {job.status === "failed" && (
        <Alert type="error" showIcon title={t("check.failed")} description={job.message} />
      )}
      {job.status === "expired" && (
        <Alert type="warning" showIcon title={t("check.expired")} description={job.message} />
      )}
      {job.status === "validated" && c && (
        <Alert type="success" showIcon title={t("check.passed", { create: c.create, update: c.update })} />
      )}
      {job.status === "invalid" && c && (
        <Alert
          type="error"
          showIcon
          title={t("check.invalid", { n: c.errors })}
          description={
            c.errors > job.errors.length ? t("check.invalidMore", { shown: job.errors.length }) : undefined
          }
        />
      )}
      {job.corrections.length > 0 && (
        <Tag color="blue">{t("check.corrected", { n: job.corrections.length })}</Tag>
      )}
      {job.errors.length > 0 && (
        <ProblemsTable
          problems={job.errors}
          pending={pending}
          onCorrect={(rowNo, index, value) => setPending((m) => new Map(m).set(`${rowNo}:${index}`, value))}
        />
      )}
      {job.skipped.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: "skipped",
              label: t("check.skippedRows", { n: c?.skipped ?? job.skipped.length }),
              children: (
                <Table
                  size="small"
                  rowKey="rowNo"
                  dataSource={job.skipped}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t("check.row"), dataIndex: "rowNo", width: 80 },
                    { title: t("check.reason"), dataIndex: "reason" },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      <ApiErrorAlert error={update.error ?? validate.error ?? commit.error} />
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={onEditMapping}>{t("check.editMapping")}</Button>
        {job.errors.length > 0 && (
          <Button icon={<DownloadOutlined />} onClick={() => downloadImportReport(job).catch(feedback.error)}>
            {t("check.report")}
          </Button>
        )}
        {job.status === "invalid" && (
          <Button
            type="primary"
            disabled={pending.size === 0}
            loading={update.isPending || validate.isPending}
            onClick={recheck}
          >
            {t("check.recheck", { n: pending.size })}
          </Button>
        )}
        {(job.status === "expired" || job.status === "failed") && (
          <Button
            type="primary"
            loading={validate.isPending}
            onClick={() => validate.mutateAsync(job.id).catch(() => undefined)}
          >
            {t("check.validateAgain")}
          </Button>
        )}
        {job.status === "validated" && c && (
          <Popconfirm
            title={t("check.commitConfirm", { create: c.create, update: c.update })}
            onConfirm={() => commit.mutateAsync(job.id).catch(() => undefined)}
          >
            <Button type="primary" loading={commit.isPending}>
              {t("check.commit")}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Flex>
  );
};
