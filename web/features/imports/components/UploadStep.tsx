import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Progress, Radio, Table, Tag, Typography, Upload } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { downloadImportTemplate, type ImportJob, useRecentImports, useStartImport } from "../api/imports.api";
import { StatusTag } from "./StatusTag";

export interface ImportEntity {
  entity: string;
  /** what the user imports, e.g. 企业名录 */
  label: string;
  hint: string;
  /** file-wide options the mapping step offers */
  options?: ("region" | "year")[];
  /** options of the entity's own, with their inputs, shown beside those */
  moreOptions?: ImportOption[];
}

/** An option a page adds for its entity (e.g. the project import's 默认小分队), kept in the job's options. */
export interface ImportOption {
  key: string;
  label: string;
  hint?: string;
  input: (field: { id: string; value: unknown; onChange: (value: unknown) => void }) => ReactNode;
}

interface Props {
  entities: ImportEntity[];
  entity: string;
  onEntity: (entity: string) => void;
  onStarted: (job: ImportJob) => void;
  onOpen: (id: string) => void;
}

/** Step 1: choose what to import, take the template if wanted, upload the file. */
export const UploadStep = ({ entities, entity, onEntity, onStarted, onOpen }: Props) => {
  const { t } = useTranslation("imports");
  const feedback = useFeedback();
  const start = useStartImport();
  const recent = useRecentImports(entity);
  const [sending, setSending] = useState<{ name: string; fraction: number } | null>(null);
  const chosen = entities.find((e) => e.entity === entity) ?? entities[0]!;

  const send = async (file: File) => {
    setSending({ name: file.name, fraction: 0 });
    try {
      const job = await start.mutateAsync({
        entity,
        file,
        onProgress: (fraction) => setSending({ name: file.name, fraction }),
      });
      onStarted(job);
    } catch {
      // shown by the alert below
    } finally {
      setSending(null);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex align="center" gap={12} wrap>
            <Typography.Text strong>{t("upload.what")}</Typography.Text>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              value={entity}
              onChange={(e) => onEntity(e.target.value as string)}
              options={entities.map((e) => ({ value: e.entity, label: e.label }))}
            />
            <Button
              type="link"
              icon={<DownloadOutlined />}
              onClick={() => downloadImportTemplate(chosen.entity, chosen.label).catch(feedback.error)}
            >
              {t("upload.template")}
            </Button>
          </Flex>
          <Typography.Text type="secondary">{chosen.hint}</Typography.Text>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={Boolean(sending)}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("upload.drop")}</p>
            <p className="ant-upload-hint">{t("upload.dropHint")}</p>
          </Upload.Dragger>
          {sending && (
            <div>
              <Typography.Text>{t("upload.uploading", { name: sending.name })}</Typography.Text>
              <Progress percent={Math.round(sending.fraction * 100)} status="active" />
            </div>
          )}
          <ApiErrorAlert error={start.error} />
        </Flex>
      </Card>
      <Card size="small" title={t("upload.recent")}>
        <Table
          size="small"
          rowKey="id"
          loading={recent.isLoading}
          dataSource={recent.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t("upload.recentEmpty") }}
          columns={[
            { title: t("check.row"), key: "n", width: 60, render: (_v, _r, i) => i + 1 },
            { title: t("upload.file"), dataIndex: "fileName", ellipsis: true },
            {
              title: t("upload.status"),
              dataIndex: "status",
              width: 110,
              render: (s: ImportJob["status"]) => <StatusTag status={s} />,
            },
            {
              title: t("check.rows"),
              key: "counts",
              width: 220,
              render: (_v, r) =>
                r.counts ? (
                  <>
                    <Tag>{`${t("check.rows")} ${r.counts.rows}`}</Tag>
                    {r.counts.errors > 0 && (
                      <Tag color="error">{`${t("check.errors")} ${r.counts.errors}`}</Tag>
                    )}
                  </>
                ) : (
                  "—"
                ),
            },
            {
              title: t("upload.time"),
              dataIndex: "createdAt",
              width: 160,
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t("check.action"),
              key: "open",
              width: 80,
              render: (_v, r) => (
                <Button type="link" size="small" onClick={() => onOpen(r.id)}>
                  {t("upload.open")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
};
