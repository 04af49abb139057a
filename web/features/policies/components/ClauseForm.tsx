import {
  Button,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Switch,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../../../common/conditions";
import { enterpriseFields } from "../../../../common/enterprise.fields";
import {
  type AmountBase,
  type AmountKind,
  amountBases,
  amountKinds,
  type ClaimPeriod,
  type ClauseRow,
  claimPeriods,
  clauseFields,
} from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ConditionEditor, conditionProblem } from "../../../components/ConditionEditor";
import type { FieldIssue } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { fenToWan, wanToFen } from "../../../lib/format";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { type ClauseCreateBody, useCreateClause, useUpdateClause } from "../api/clauses.api";
import { remapIssues } from "./remap";
import { defaultSteps, StepsField } from "./StepsField";

interface Values {
  regionId: string | null;
  policyName: string;
  docNo: string;
  clauseNo: string;
  name: string;
  content: string;
  condition: Condition;
  amountKind: AmountKind;
  amountWan: number | null;
  base: AmountBase | null;
  percent: number | null;
  capWan: number | null;
  period: ClaimPeriod;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  steps: string[];
  departmentId: string | null;
  fairReview: boolean;
  fairReviewNote: string;
  active: boolean;
}

const initialOf = (c: ClauseRow | null, regionId: string | null): Values => {
  const rule = c?.amountRule;
  return {
    regionId: c?.regionId ?? regionId,
    policyName: c?.policyName ?? "",
    docNo: c?.docNo ?? "",
    clauseNo: c?.clauseNo ?? "",
    name: c?.name ?? "",
    content: c?.content ?? "",
    condition: c?.condition ?? { all: [] },
    amountKind: rule?.kind ?? "fixed",
    amountWan: rule?.kind === "fixed" ? fenToWan(rule.amountFen) : null,
    base: rule?.kind === "percent" ? rule.base : null,
    percent: rule?.kind === "percent" ? rule.percent : null,
    capWan: rule?.kind === "percent" && rule.capFen != null ? fenToWan(rule.capFen) : null,
    period: c?.period ?? "once",
    validFrom: c?.validFrom ? dayjs(c.validFrom) : null,
    validTo: c?.validTo ? dayjs(c.validTo) : null,
    steps: c?.steps ?? defaultSteps,
    departmentId: c?.departmentId ?? null,
    fairReview: c?.fairReview ?? false,
    fairReviewNote: c?.fairReviewNote ?? "",
    active: c?.active ?? true,
  };
};

// A field the form does not show now (the review note of an unflagged clause) is not in its values.
const text = (s: string | undefined) => (s ?? "").trim();

const toBody = (v: Values): ClauseCreateBody => ({
  regionId: v.regionId ?? "",
  policyName: text(v.policyName),
  docNo: text(v.docNo) || null,
  clauseNo: text(v.clauseNo) || null,
  name: text(v.name),
  content: text(v.content) || null,
  condition: v.condition,
  amountRule:
    v.amountKind === "fixed"
      ? { kind: "fixed", amountFen: wanToFen(v.amountWan ?? 0) }
      : {
          kind: "percent",
          base: v.base ?? "revenue",
          percent: v.percent ?? 0,
          capFen: v.capWan === null || v.capWan === undefined ? null : wanToFen(v.capWan),
        },
  period: v.period,
  validFrom: v.validFrom ? v.validFrom.format("YYYY-MM-DD") : null,
  validTo: v.validTo ? v.validTo.format("YYYY-MM-DD") : null,
  steps: v.steps.map((s) => s.trim()),
  departmentId: v.departmentId ?? null,
  fairReview: v.fairReview,
  fairReviewNote: text(v.fairReviewNote) || null,
  active: v.active,
});

// The server names the amount rule's parts by their path in the body; the form by its own fields.
const issuePaths: Record<string, string> = {
  "amountRule.amountFen": "amountWan",
  "amountRule.base": "base",
  "amountRule.percent": "percent",
  "amountRule.capFen": "capWan",
};

interface Props {
  record: ClauseRow | null;
  onDone: (saved: ClauseRow, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** 新增 / 编辑政策条款: its source, who may claim, how much, and the steps that review a claim. */
export const ClauseForm = ({ record, onDone, onCancel, onReload }: Props) => {
  const { t } = useTranslation("policies");
  const me = useCurrentUser();
  const { RegionPicker, DepartmentPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const create = useCreateClause();
  const update = useUpdateClause();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const regionId = Form.useWatch("regionId", form);
  const kind = Form.useWatch("amountKind", form) ?? "fixed";
  const fairReview = Form.useWatch("fairReview", form);
  const wan = t("field.unit");

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    // Values of fields hidden now (the other amount kind, an unflagged clause's note) are kept too.
    const body = toBody({ ...(form.getFieldsValue(true) as Values), ...v });
    try {
      const saved = record
        ? await update.mutateAsync({ id: record.id, body: { ...body, version: record.version } })
        : await create.mutateAsync(body);
      onDone(saved, !record);
    } catch (e) {
      const mapped = remapIssues(e, issuePaths);
      setExtra(applyServerErrors(form, mapped, "name"));
      setError(mapped);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="clause"
      layout="vertical"
      initialValues={initialOf(record, me.regionId)}
      onFinish={onFinish}
      scrollToFirstError
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onReload} />
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t("form.basic")}
      </Divider>
      <Form.Item
        name="policyName"
        label={t("field.policyName")}
        required
        rules={[zodRule(clauseFields.policyName)]}
      >
        <Input maxLength={120} placeholder={t("form.policyNamePh")} autoFocus />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="docNo" label={t("field.docNo")} rules={[zodRule(clauseFields.docNo, "null")]}>
            <Input maxLength={60} placeholder={t("form.docNoPh")} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="clauseNo"
            label={t("field.clauseNo")}
            rules={[zodRule(clauseFields.clauseNo, "null")]}
          >
            <Input maxLength={30} placeholder={t("form.clauseNoPh")} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t("field.name")} required rules={[zodRule(clauseFields.name)]}>
        <Input maxLength={120} showCount placeholder={t("form.namePh")} />
      </Form.Item>
      <Form.Item name="content" label={t("field.content")} rules={[zodRule(clauseFields.content, "null")]}>
        <Input.TextArea rows={3} maxLength={4000} showCount placeholder={t("form.contentPh")} />
      </Form.Item>

      <Divider titlePlacement="start">{t("form.rule")}</Divider>
      <Form.Item
        name="condition"
        label={t("field.condition")}
        extra={t("form.conditionHint")}
        rules={[
          {
            validator: async (_r, v: Condition | undefined) => {
              const p = conditionProblem(v, enterpriseFields);
              if (p) throw new Error(p);
            },
          },
        ]}
      >
        <ConditionEditor fields={enterpriseFields} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="amountKind" label={t("field.amountKind")}>
            <Segmented<AmountKind>
              block
              options={amountKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="period" label={t("field.period")}>
            <Segmented<ClaimPeriod>
              block
              options={claimPeriods.map((p) => ({ value: p, label: t(`period.${p}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {kind === "fixed" ? (
        <Form.Item
          name="amountWan"
          label={t("field.amountWan")}
          rules={[{ required: true, message: t("form.amountRequired") }]}
        >
          <InputNumber<number>
            min={0}
            max={100_000_000}
            suffix={wan}
            placeholder={t("form.amountWanPh")}
            style={{ width: 220 }}
          />
        </Form.Item>
      ) : (
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="base"
              label={t("field.base")}
              extra={t("form.baseHint")}
              rules={[{ required: true, message: t("form.baseRequired") }]}
            >
              <Select<AmountBase>
                showSearch={{ optionFilterProp: "label" }}
                placeholder={t("form.basePh")}
                options={amountBases.map((b) => ({ value: b, label: t(`base.${b}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="percent"
              label={t("field.percent")}
              rules={[{ required: true, message: t("form.percentRequired") }]}
            >
              <InputNumber<number>
                min={0.01}
                max={100}
                precision={2}
                suffix="%"
                placeholder={t("form.percentPh")}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="capWan" label={t("field.capWan")} extra={t("form.capHint")}>
              <InputNumber<number> min={0} max={100_000_000} suffix={wan} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="validFrom" label={t("field.validFrom")}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            name="validTo"
            label={t("field.validTo")}
            dependencies={["validFrom"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, v: Dayjs | null) => {
                  const from = getFieldValue("validFrom") as Dayjs | null;
                  const r = clauseFields.validTo.safeParse(v ? v.format("YYYY-MM-DD") : null);
                  if (!r.success) throw new Error(r.error.issues[0]?.message);
                  if (v && from && v.isBefore(from, "day")) throw new Error(t("form.validToBefore"));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t("form.review")}</Divider>
      <StepsField />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="regionId"
            label={t("field.region")}
            required
            rules={[zodRule(clauseFields.regionId, "null")]}
          >
            <RegionPicker onChange={() => form.setFieldValue("departmentId", null)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="departmentId" label={t("field.department")}>
            <DepartmentPicker regionId={regionId ?? null} allowClear placeholder={t("form.departmentPh")} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item
            name="fairReview"
            label={t("field.fairReview")}
            valuePropName="checked"
            extra={t("form.fairReviewHint")}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="active" label={t("field.active")} valuePropName="checked">
            <Switch checkedChildren={t("field.activeOn")} unCheckedChildren={t("field.activeOff")} />
          </Form.Item>
        </Col>
      </Row>
      {fairReview && (
        <Form.Item
          name="fairReviewNote"
          label={t("field.fairReviewNote")}
          rules={[zodRule(clauseFields.fairReviewNote, "null")]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t("form.fairReviewNotePh")} />
        </Form.Item>
      )}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t("common:action.save")}
        </Button>
      </Flex>
    </Form>
  );
};
