import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type EvaluationEventKind,
  evaluationEventKinds,
  evaluationEventLabels,
} from "../../../../common/evaluation.fields";
import { classColors, classLabels, type ResultClass } from "../../../../common/evaluation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import type { EnterprisePanelProps } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors } from "../../../lib/forms";
import { useAddEvent, useFirmEvaluations, useRemoveEvent } from "../api/evaluation.api";
import type { FirmEvaluations } from "../api/evaluation.types";

/** 亩均评价 on the enterprise page: the firm's class in each run, and its year's evaluation events. */
const kindLabel = (k: string) => evaluationEventLabels[k as EvaluationEventKind] ?? k;

interface EventValues {
  year: number;
  kind: EvaluationEventKind | null;
  note: string;
}

/** 登记事项: the year, the kind and a note; the server checks the firm is in scope. */
const EventModal = ({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) => {
  const { t } = useTranslation("evaluation");
  const feedback = useFeedback();
  const add = useAddEvent();
  const [form] = Form.useForm<EventValues>();
  const submit = (v: EventValues) =>
    add
      .mutateAsync({ enterpriseId, year: v.year, kind: v.kind!, note: v.note?.trim() || null })
      .then(() => {
        feedback.success(t("panel.eventAdded", { kind: kindLabel(v.kind!) }));
        onClose();
      })
      .catch((e) => {
        applyServerErrors(form, e);
        feedback.error(e);
      });
  return (
    <Modal
      open
      title={t("panel.addEvent")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<EventValues>
        form={form}
        layout="vertical"
        initialValues={{ year: dayjs().year() - 1, kind: null, note: "" }}
        onFinish={submit}
      >
        <Form.Item
          name="year"
          label={t("panel.eventYear")}
          rules={[{ required: true, message: "请填写年度" }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t("panel.eventKind")}
          rules={[{ required: true, message: "请选择事项类型" }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={evaluationEventKinds.map((k) => ({ value: k, label: evaluationEventLabels[k] }))}
            placeholder={t("panel.eventKind")}
          />
        </Form.Item>
        <Form.Item name="note" label={t("panel.eventNote")}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
};

export const EvaluationPanel = ({ enterpriseId }: EnterprisePanelProps) => {
  const { t } = useTranslation("evaluation");
  const feedback = useFeedback();
  const canRun = usePermission("evaluation.run");
  const { data, isFetching, error, refetch } = useFirmEvaluations(enterpriseId);
  const remove = useRemoveEvent();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<FirmEvaluations["items"][number]>
        size="small"
        rowKey="runId"
        loading={isFetching}
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("panel.empty") }}
        columns={[
          { title: t("panel.year"), dataIndex: "year", width: 80 },
          {
            title: t("panel.scheme"),
            dataIndex: "schemeName",
            render: (v: string, r) => <Link to={`/evaluation/runs/${r.runId}`}>{v}</Link>,
          },
          {
            title: t("run.class"),
            dataIndex: "class",
            render: (v: ResultClass, r) => (
              <>
                <Tag color={classColors[v]}>{classLabels[v]}</Tag>
                {r.tReason}
              </>
            ),
          },
          {
            title: t("run.score"),
            dataIndex: "total",
            width: 90,
            render: (v: number, r) => (r.class === "T" ? "—" : v.toFixed(2)),
          },
          {
            title: t("panel.rank"),
            width: 100,
            render: (_, r) => (r.position ? `${r.position} / ${r.population}` : "—"),
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16, marginBottom: 8 }}>
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{t("panel.events")}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("panel.eventsHint")}
          </Typography.Text>
        </Space>
        {canRun && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t("panel.addEvent")}
          </Button>
        )}
      </Flex>
      <Table<FirmEvaluations["events"][number]>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data?.events ?? []}
        locale={{ emptyText: t("panel.eventsEmpty") }}
        columns={[
          { title: t("panel.eventYear"), dataIndex: "year", width: 90 },
          { title: t("panel.eventKind"), dataIndex: "kind", width: 220, render: (k: string) => kindLabel(k) },
          { title: t("panel.eventNote"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
          ...(canRun
            ? [
                {
                  key: "actions",
                  width: 80,
                  render: (_: unknown, e: FirmEvaluations["events"][number]) => (
                    <Popconfirm
                      title={t("panel.removeConfirm", { kind: kindLabel(e.kind) })}
                      onConfirm={() =>
                        remove
                          .mutateAsync(e.id)
                          .then(() => feedback.success(t("panel.eventRemoved", { kind: kindLabel(e.kind) })))
                          .catch(feedback.error)
                      }
                    >
                      <Button type="link" size="small" danger>
                        {t("panel.removeEvent")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <EventModal enterpriseId={enterpriseId} onClose={() => setAdding(false)} />}
    </>
  );
};
