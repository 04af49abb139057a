import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type GoalRow, type UnitKind, unitKindLabels, unitKinds } from "../../../../common/kpi.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import {
  useCreateGoal,
  useDeleteGoal,
  useExportGoals,
  useGoals,
  useIndicators,
  useUnits,
} from "../api/kpi.api";

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const num = (v: number | null) =>
  v === null ? null : v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

/** Ahead of the calendar in green, behind in red, within ±5 % on pace. */
export const PaceTag = ({ g }: { g: GoalRow }) => {
  const { t } = useTranslation("kpi");
  if (g.timeAdjusted === null) return <Tag>{g.actual === null ? t("goals.noData") : t("goals.na")}</Tag>;
  const d = g.timeAdjusted - 1;
  if (Math.abs(d) < 0.05) return <Tag color="blue">{t("goals.onPace")}</Tag>;
  return d > 0 ? (
    <Tag color="green">{t("goals.ahead", { pct: `${pct(d)}%` })}</Tag>
  ) : (
    <Tag color="red">{t("goals.behind", { pct: `${pct(-d)}%` })}</Tag>
  );
};

/** 年度目标: each unit's goals for a year, progress bars and where they stand against the calendar. */
export const GoalsPage = () => {
  const { t } = useTranslation("kpi");
  const feedback = useFeedback();
  const canManage = usePermission("kpi.manage");
  const [year, setYear] = useState(new Date().getFullYear());
  const [unitKind, setUnitKind] = useState<UnitKind | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { year, unitKind, ...page };
  const goals = useGoals(query);
  const exportGoals = useExportGoals();
  const remove = useDeleteGoal();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={t("goals.title")}
        sub={t("goals.sub")}
        extra={
          <>
            <InputNumber
              aria-label={t("goals.year")}
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && setYear(v)}
            />
            <Select
              allowClear
              aria-label={t("goals.unitKind")}
              placeholder={t("goals.unitKind")}
              style={{ width: 140 }}
              value={unitKind}
              onChange={setUnitKind}
              options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))}
            />
            <ExportButton mutation={exportGoals} params={query} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t("goals.add")}
              </Button>
            )}
          </>
        }
      />
      <ApiErrorAlert error={goals.error} onRetry={() => void goals.refetch()} />
      <Table<GoalRow>
        rowKey="id"
        loading={goals.isFetching}
        dataSource={goals.data?.items ?? []}
        locale={{ emptyText: t("goals.empty") }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: goals.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        expandable={{
          expandedRowRender: (g) => (
            <Flex gap={24} wrap>
              {g.quarters.map((q) => (
                <div key={q.key} style={{ minWidth: 160 }}>
                  <Typography.Text strong>{q.label}</Typography.Text>
                  <div>
                    {t("goals.actual")} {q.actual === null ? t("goals.noData") : num(q.actual)} /{" "}
                    {num(q.target)}
                  </div>
                </div>
              ))}
            </Flex>
          ),
        }}
        columns={[
          {
            title: t("goals.unit"),
            width: 170,
            render: (_, g) => (
              <>
                {g.unitName}{" "}
                <Typography.Text type="secondary">· {unitKindLabels[g.unitKind as UnitKind]}</Typography.Text>
              </>
            ),
          },
          { title: t("goals.indicator"), dataIndex: "indicatorName", width: 180 },
          { title: t("goals.target"), width: 110, render: (_, g) => `${num(g.target)} ${g.indicatorUnit}` },
          {
            title: t("goals.actual"),
            width: 110,
            render: (_, g) =>
              g.actual === null ? (
                <Typography.Text type="secondary">{t("goals.noData")}</Typography.Text>
              ) : (
                num(g.actual)
              ),
          },
          {
            title: t("goals.progress"),
            width: 200,
            render: (_, g) =>
              g.progress === null ? (
                <Tooltip title="目标为 0 或无数据，完成率不适用">{t("goals.na")}</Tooltip>
              ) : (
                <Progress
                  percent={Math.min(100, pct(g.progress)!)}
                  format={() => `${pct(g.progress)}%`}
                  status={g.progress >= 1 ? "success" : "normal"}
                  size="small"
                />
              ),
          },
          { title: t("goals.timeProgress"), width: 90, render: (_, g) => `${pct(g.expectedShare)}%` },
          { title: t("goals.timeAdjusted"), width: 150, render: (_, g) => <PaceTag g={g} /> },
          ...(canManage
            ? [
                {
                  title: "",
                  width: 70,
                  render: (_: unknown, g: GoalRow) => (
                    <Popconfirm
                      title={t("goals.confirmDelete", { name: g.name })}
                      onConfirm={() =>
                        remove.mutate(
                          { id: g.id, version: g.version },
                          { onSuccess: () => feedback.success(t("goals.deleted")), onError: feedback.error },
                        )
                      }
                    >
                      <Button size="small" danger type="link">
                        {t("goals.delete")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <GoalModal year={year} onClose={() => setAdding(false)} />}
    </>
  );
};

interface GoalForm {
  regionId: string;
  unitKind: UnitKind;
  unitId: string;
  indicatorKey: string;
  year: number;
  target: number;
  split?: number[] | string | null;
}

const GoalModal = ({ year, onClose }: { year: number; onClose: () => void }) => {
  const { t } = useTranslation("kpi");
  const feedback = useFeedback();
  const { RegionPicker } = useExtensions();
  const [form] = Form.useForm<GoalForm>();
  const kind = Form.useWatch("unitKind", form);
  const regionId = Form.useWatch("regionId", form);
  const units = useUnits(kind, regionId);
  const indicators = useIndicators();
  const create = useCreateGoal();
  return (
    <Modal
      open
      title={t("goals.add")}
      onCancel={onClose}
      okButtonProps={{ loading: create.isPending }}
      onOk={() =>
        void form.validateFields().then((v) =>
          create.mutate(
            { ...v, split: Array.isArray(v.split) ? v.split : null },
            {
              onSuccess: () => {
                feedback.success(t("goals.saved"));
                onClose();
              },
              onError: feedback.error,
            },
          ),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ year, unitKind: "enclave" }}>
        <Form.Item
          name="regionId"
          label={t("goals.region")}
          rules={[{ required: true, message: "请选择行政区" }]}
        >
          <RegionPicker />
        </Form.Item>
        <Form.Item name="unitKind" label={t("goals.unitKind")} rules={[{ required: true }]}>
          <Select options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t("goals.unit")}
          rules={[{ required: true, message: "请选择考核对象" }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="indicatorKey"
          label={t("goals.indicator")}
          rules={[{ required: true, message: "请选择指标" }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={(indicators.data?.items ?? [])
              .filter((i) => !kind || i.unitKinds.includes(kind))
              .map((i) => ({ value: i.key, label: `${i.name}（${i.unit}）` }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="year" label={t("goals.year")} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            name="target"
            label={t("goals.target")}
            rules={[{ required: true, message: "请填写目标值" }]}
          >
            <InputNumber min={0} style={{ width: 180 }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="split"
          label={t("goals.split")}
          getValueProps={(v: unknown) => ({ value: Array.isArray(v) ? v.join(", ") : v })}
          normalize={(v: string) => {
            const parts = v
              .split(/[,，\s]+/)
              .filter(Boolean)
              .map(Number);
            return parts.length === 12 && parts.every(Number.isFinite) ? parts : v;
          }}
          rules={[
            {
              validator: (_, v: unknown) =>
                !v || Array.isArray(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error("请填写 12 个月的目标，用逗号分隔")),
            },
          ]}
        >
          <Input placeholder="1, 1, 2, 2, 2, 2, 1, 1, 2, 2, 1, 1" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
