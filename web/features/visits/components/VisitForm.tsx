import { Button, Col, DatePicker, Flex, Form, Input, Row, Segmented, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type VisitMethod, type VisitRow, visitCreate, visitMethods } from "../../../../common/visit.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FirmPicker } from "../../../components/pickers";
import type { FieldIssue } from "../../../lib/api";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useCreateVisit, useUpdateVisit, type VisitCreateBody } from "../api/visits.api";
import { AppealRows, type AppealValues } from "./AppealRows";

interface Values {
  enterpriseId: string | null;
  visitedOn: Dayjs;
  method: VisitMethod;
  metWith: string;
  companions: string;
  findings: string;
  appeals: AppealValues[];
}

/** The firm a visit is recorded for, when the form opens from the firm's page. */
export interface FixedFirm {
  id: string;
  name: string;
}

interface Props {
  record: VisitRow | null;
  firm?: FixedFirm;
  onDone: (saved: VisitRow, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

const orNull = (s: string | null | undefined) => {
  const v = (s ?? "").trim();
  return v === "" ? null : v;
};

/**
 * 登记走访 / 编辑走访: made to be filled on a phone at the firm's gate — the date is today, the
 * method one tap, the visitor is the user; appeals the firm raised are filed in the same step.
 */
export const VisitForm = ({ record, firm, onDone, onCancel, onReload }: Props) => {
  const { t } = useTranslation("visits");
  const [form] = Form.useForm<Values>();
  const create = useCreateVisit();
  const update = useUpdateVisit();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const box = useRef<HTMLDivElement>(null);

  // The first field takes the focus once the drawer has finished taking it for itself.
  useEffect(() => {
    const timer = setTimeout(() => {
      const first = box.current?.querySelector<HTMLElement>(
        "input:not([type=radio]):not([type=hidden]):not([readonly]):not([disabled]), textarea:not([disabled])",
      );
      first?.focus();
    }, 250);
    return () => clearTimeout(timer);
  }, []);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    const common = {
      visitedOn: v.visitedOn.format("YYYY-MM-DD"),
      method: v.method,
      metWith: orNull(v.metWith),
      companions: orNull(v.companions),
      findings: v.findings.trim(),
    };
    try {
      if (record) {
        const saved = await update.mutateAsync({
          id: record.id,
          body: { ...common, version: record.version },
        });
        onDone(saved, false);
        return;
      }
      const appeals: VisitCreateBody["appeals"] = (v.appeals ?? []).map((a) => ({
        title: a.title.trim(),
        category: a.category ?? "other",
        detail: orNull(a.detail),
      }));
      const saved = await create.mutateAsync({
        enterpriseId: firm?.id ?? v.enterpriseId ?? "",
        ...common,
        ...(appeals && appeals.length > 0 ? { appeals } : {}),
      });
      onDone(saved, true);
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  const fixedName = record?.enterpriseName ?? firm?.name;
  return (
    <div ref={box}>
      <Form<Values>
        form={form}
        name="visit"
        layout="vertical"
        initialValues={{
          enterpriseId: record?.enterpriseId ?? firm?.id ?? null,
          visitedOn: record ? dayjs(record.visitedOn) : dayjs(),
          method: record?.method ?? "onsite",
          metWith: record?.metWith ?? "",
          companions: record?.companions ?? "",
          findings: record?.findings ?? "",
          appeals: [],
        }}
        onFinish={onFinish}
        scrollToFirstError
      >
        <ApiErrorAlert error={error} extraIssues={extra} onReload={onReload} />
        {fixedName ? (
          <Form.Item label={t("field.enterprise")}>
            <Typography.Text strong>{fixedName}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="enterpriseId"
            label={t("field.enterprise")}
            rules={[zodRule(visitCreate.shape.enterpriseId, "null")]}
            required
          >
            <FirmPicker placeholder={t("form.enterprisePh")} style={{ width: "100%" }} />
          </Form.Item>
        )}
        <Form.Item
          name="visitedOn"
          label={t("field.visitedOn")}
          rules={[{ required: true, message: t("form.visitedOnRequired") }]}
        >
          <DatePicker
            allowClear={false}
            inputReadOnly
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
            presets={[
              { label: t("form.today"), value: dayjs() },
              { label: t("form.yesterday"), value: dayjs().subtract(1, "day") },
            ]}
            style={{ width: "100%", maxWidth: 240 }}
          />
        </Form.Item>
        <Form.Item name="method" label={t("field.method")} required>
          <Segmented<VisitMethod>
            block
            options={visitMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="metWith" label={t("field.metWith")}>
              <Input maxLength={100} placeholder={t("form.metWithPh")} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="companions" label={t("field.companions")}>
              <Input maxLength={200} placeholder={t("form.companionsPh")} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="findings"
          label={t("field.findings")}
          required
          rules={[zodRule(visitCreate.shape.findings)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={4000}
            showCount
            placeholder={t("form.findingsPh")}
          />
        </Form.Item>
        {record ? (
          record.appealCount > 0 && (
            <Typography.Paragraph type="secondary">
              {t("form.appealsFiled", { n: record.appealCount })}
            </Typography.Paragraph>
          )
        ) : (
          <AppealRows />
        )}
        {/* Inside the <form>, so Enter in a field submits it. */}
        <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
          <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
            {t("common:action.save")}
          </Button>
        </Flex>
      </Form>
    </div>
  );
};
