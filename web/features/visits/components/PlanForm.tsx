import { Button, Col, Flex, Form, Input, InputNumber, Row, Segmented, Switch, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../../../common/conditions";
import { enterpriseFields } from "../../../../common/enterprise.fields";
import {
  type PlanPeriod,
  planPeriods,
  type VisitPlanRow,
  visitPlanCreate,
} from "../../../../common/visit.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ConditionEditor, conditionProblem } from "../../../components/ConditionEditor";
import type { FieldIssue } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { type PreviewBody, useCreatePlan, usePlanPreview, useUpdatePlan } from "../api/plans.api";

interface Values {
  name: string;
  regionId: string | null;
  parkId: string | null;
  period: PlanPeriod;
  targetRate: number | null;
  active: boolean;
  condition: Condition;
}

/** Waits for typing to pause, so each keystroke in the editor does not ask the server. */
const useDebounced = <T,>(value: T, ms: number): T => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};

/** How many firms the condition selects now, with a few of their names. */
const PreviewLine = ({ body, problem }: { body: PreviewBody | null; problem: string | null }) => {
  const { t } = useTranslation("visits");
  const debounced = useDebounced(body, 400);
  // The body asked for is the debounced one: judge that one, not the condition being typed now.
  const ready = debounced && !problem && !conditionProblem(debounced.condition, enterpriseFields);
  const preview = usePlanPreview(ready ? debounced : null);
  if (!body) return <Typography.Text type="secondary">{t("plan.previewNeedsRegion")}</Typography.Text>;
  if (problem) return <Typography.Text type="secondary">{t("plan.previewIncomplete")}</Typography.Text>;
  if (preview.error)
    return (
      <Typography.Text type="danger">
        {preview.error instanceof Error ? preview.error.message : t("plan.previewFailed")}
      </Typography.Text>
    );
  if (!preview.data) return <Typography.Text type="secondary">{t("plan.previewLoading")}</Typography.Text>;
  const { population, sample } = preview.data;
  return (
    <Typography.Text data-testid="plan-preview" type={preview.isFetching ? "secondary" : undefined}>
      {t("plan.preview", { n: population.toLocaleString("zh-CN") })}
      {sample.length > 0 && (
        <Typography.Text type="secondary">
          {t("plan.previewSample", { names: sample.map((s) => s.name).join("、") })}
        </Typography.Text>
      )}
    </Typography.Text>
  );
};

interface Props {
  record: VisitPlanRow | null;
  onDone: (saved: VisitPlanRow, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** 新建 / 编辑走访计划: which firms (a condition over enterprise data), how often, what share. */
export const PlanForm = ({ record, onDone, onCancel, onReload }: Props) => {
  const { t } = useTranslation("visits");
  const me = useCurrentUser();
  const { RegionPicker, ParkPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const regionId = Form.useWatch("regionId", form);
  const parkId = Form.useWatch("parkId", form);
  const condition = Form.useWatch("condition", form);

  // A park's specialist plans for their own park (the server refuses a region-wide plan to them).
  const parks = me.scopes.filter((sc) => sc.kind === "park");
  const ownPark = parks.length === 1 ? (parks[0]?.refId ?? null) : null;
  const regionWide = me.scopes.some((sc) => sc.kind === "all" || sc.kind === "region");

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    const body = {
      name: v.name.trim(),
      regionId: v.regionId ?? "",
      parkId: v.parkId ?? null,
      period: v.period,
      condition: v.condition,
      targetRate: v.targetRate ?? 100,
      active: v.active,
    };
    try {
      const saved = record
        ? await update.mutateAsync({ id: record.id, body: { ...body, version: record.version } })
        : await create.mutateAsync(body);
      onDone(saved, !record);
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  const problem = conditionProblem(condition, enterpriseFields);
  const previewBody: PreviewBody | null =
    regionId && condition ? { regionId, parkId: parkId ?? null, condition } : null;

  return (
    <Form<Values>
      form={form}
      name="plan"
      layout="vertical"
      initialValues={{
        name: record?.name ?? "",
        regionId: record?.regionId ?? me.regionId ?? null,
        parkId: record ? record.parkId : regionWide ? null : ownPark,
        period: record?.period ?? "quarter",
        targetRate: record?.targetRate ?? 100,
        active: record?.active ?? true,
        condition: record?.condition ?? { all: [] },
      }}
      onFinish={onFinish}
      scrollToFirstError
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onReload} />
      <Form.Item name="name" label={t("plan.name")} required rules={[zodRule(visitPlanCreate.shape.name)]}>
        <Input maxLength={60} placeholder={t("plan.namePh")} autoFocus />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="regionId"
            label={t("plan.region")}
            required
            rules={[zodRule(visitPlanCreate.shape.regionId, "null")]}
          >
            <RegionPicker onChange={() => form.setFieldValue("parkId", null)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="parkId"
            label={t("plan.park")}
            extra={regionWide ? t("plan.parkHint") : undefined}
            rules={regionWide ? [] : [{ required: true, message: t("plan.parkRequired") }]}
          >
            <ParkPicker regionId={regionId ?? null} placeholder={t("plan.parkAll")} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="period" label={t("plan.period")} required>
            <Segmented<PlanPeriod>
              block
              options={planPeriods.map((p) => ({ value: p, label: t(`period.${p}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            name="targetRate"
            label={t("plan.targetRate")}
            rules={[zodRule(visitPlanCreate.shape.targetRate.unwrap(), "null")]}
          >
            <InputNumber<number> min={1} max={100} precision={1} suffix="%" style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="active" label={t("plan.active")} valuePropName="checked">
            <Switch checkedChildren={t("plan.on")} unCheckedChildren={t("plan.off")} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="condition"
        label={t("plan.condition")}
        extra={t("plan.conditionHint")}
        rules={[
          {
            validator: async (_r, v: Condition | undefined) => {
              const p = conditionProblem(v, enterpriseFields);
              if (p) throw new Error(p);
            },
          },
        ]}
      >
        <ConditionEditor
          fields={enterpriseFields}
          extra={<PreviewLine body={previewBody} problem={problem} />}
        />
      </Form.Item>
      <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t("common:action.save")}
        </Button>
      </Flex>
    </Form>
  );
};
