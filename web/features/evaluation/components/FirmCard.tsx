import { Button, Card, Descriptions, Flex, Form, Input, Select, Table, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  classColors,
  classLabels,
  type ResultClass,
  resultClasses,
} from "../../../../common/evaluation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useCard, useOverride } from "../api/evaluation.api";
import type { Card as CardData } from "../api/evaluation.types";

const num = (v: number | null, d = 4) =>
  v === null ? "—" : v.toLocaleString("zh-CN", { maximumFractionDigits: d });
type Ind = CardData["explanation"]["indicators"][number];

/** 企业评价卡: each indicator's value, benchmark and score, the steps to the class, and an override. */
export const FirmCard = ({ runId, enterpriseId }: { runId: string; enterpriseId: string }) => {
  const { t } = useTranslation("evaluation");
  const { data, error, refetch } = useCard(runId, enterpriseId);
  const canOverride = usePermission("evaluation.run");
  if (error) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const r = data.result;
  return (
    <Flex vertical gap={16} data-testid="evaluation-card">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t("run.firm")} span={2}>
          <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t("run.class")}>
          <Typography.Text strong style={{ color: classColors[r.class] }}>
            {classLabels[r.class]}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("run.score")}>
          {r.class === "T" ? "—" : num(r.total, 2)}
        </Descriptions.Item>
        <Descriptions.Item label={t("run.size")}>
          {r.sizeGroup === "above" ? "规上" : "规下"}
        </Descriptions.Item>
        <Descriptions.Item label={t("run.rank")}>
          {r.position ? `${r.position} / ${r.population}` : "—"}
        </Descriptions.Item>
      </Descriptions>
      {data.members.length > 1 ? (
        <Typography.Text type="secondary">
          {t("card.members")}
          {data.members.map((m) => m.name).join("、")}
        </Typography.Text>
      ) : null}
      {data.explanation.indicators.length ? (
        <Table<Ind>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={data.explanation.indicators}
          columns={[
            { title: t("card.indicator"), render: (_, i) => `${i.label}${i.unit ? `（${i.unit}）` : ""}` },
            { title: t("card.value"), dataIndex: "value", width: 100, render: (v: number | null) => num(v) },
            {
              title: t("card.benchmark"),
              dataIndex: "benchmark",
              width: 100,
              render: (v: number | null) => num(v),
            },
            { title: t("card.weight"), dataIndex: "weight", width: 60 },
            { title: t("card.score"), dataIndex: "score", width: 80, render: (v: number) => num(v, 2) },
            { title: t("card.how"), dataIndex: "text" },
          ]}
        />
      ) : null}
      <Card size="small" title={t("card.steps")}>
        <Timeline items={data.explanation.steps.map((s) => ({ children: s }))} />
      </Card>
      {canOverride ? <OverrideForm data={data} /> : null}
    </Flex>
  );
};

const OverrideForm = ({ data }: { data: CardData }) => {
  const { t } = useTranslation("evaluation");
  const feedback = useFeedback();
  const override = useOverride();
  const [form] = Form.useForm<{ class: ResultClass; reason: string }>();
  return (
    <Card size="small" title={t("card.override")}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ class: data.result.class }}
        onFinish={(v) =>
          override.mutate(
            {
              runId: data.run.id,
              enterpriseId: data.result.enterpriseId,
              ...v,
              version: data.result.version,
            },
            {
              onSuccess: () => {
                feedback.success(t("card.overrideDone"));
                form.resetFields(["reason"]);
              },
              onError: feedback.error,
            },
          )
        }
      >
        <Form.Item name="class" label={t("run.class")} rules={[{ required: true }]}>
          <Select
            options={resultClasses.map((c) => ({ value: c, label: classLabels[c] }))}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("card.overrideReason")}
          rules={[{ required: true, min: 4, whitespace: true, message: t("card.reasonRequired") }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button htmlType="submit" loading={override.isPending}>
          {t("card.overrideSave")}
        </Button>
      </Form>
    </Card>
  );
};
