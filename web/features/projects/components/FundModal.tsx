import { Alert, DatePicker, Flex, Form, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FileField } from "../../../components/FileField";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors } from "../../../lib/forms";
import { type FundMonth, useSaveFund } from "../api/performance.api";
import { monthText } from "../format";
import { WanInput } from "./inputs";

interface Values {
  month: Dayjs | null;
  domesticFen: number | null;
  foreignCents: number | null;
  evidenceFileIds: string[];
  note: string;
}

const valuesOf = (f: FundMonth | null, month: Dayjs | null): Values => ({
  month,
  domesticFen: f?.domesticFen ?? null,
  foreignCents: f?.foreignCents ?? null,
  evidenceFileIds: f?.evidenceFileIds ?? [],
  note: f?.note ?? "",
});

const key = (d: Dayjs) => d.format("YYYY-MM");
const half = { flex: 1, minWidth: 0 };

interface Props {
  projectId: string;
  /** the months already recorded: picking one of them edits it */
  funds: FundMonth[];
  /** the month being edited; null to record a new one */
  record: FundMonth | null;
  onClose: () => void;
}

/**
 * 登记到位资金 for one month, in 万元 and 万美元, with evidence. Picking a month already recorded
 * loads it, so a second entry for the same month corrects it rather than being refused.
 */
export const FundModal = ({ projectId, funds, record, onClose }: Props) => {
  const { t, i18n } = useTranslation("projects");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useSaveFund(projectId);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const byMonth = new Map(funds.map((f) => [f.month.slice(0, 7), f]));
  const month = Form.useWatch("month", form);
  const existing = month ? (byMonth.get(key(month)) ?? null) : null;
  const label = (m: string) => monthText(m, i18n.language);

  const onMonth = (d: Dayjs | null) => {
    // A month already recorded comes with its figures: what is saved replaces them.
    const found = d ? byMonth.get(key(d)) : undefined;
    form.setFieldsValue(valuesOf(found ?? null, d));
  };

  const onFinish = async (v: Values) => {
    if (!v.month) return;
    setError(null);
    setExtra([]);
    const m = key(v.month);
    const before = byMonth.get(m);
    try {
      await save.mutateAsync({
        month: m,
        body: {
          domesticFen: v.domesticFen ?? 0,
          foreignCents: v.foreignCents ?? 0,
          evidenceFileIds: v.evidenceFileIds,
          note: v.note.trim() || null,
          ...(before ? { version: before.version } : {}),
        },
      });
      feedback.success(t("funds.saved", { month: label(m) }));
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open
      width={600}
      title={record ? t("funds.editTitle", { month: label(record.month) }) : t("funds.add")}
      onCancel={onClose}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ htmlType: "submit", loading: save.isPending }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={valuesOf(record, record ? dayjs(record.month) : dayjs().startOf("month"))}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onClose} />
      <Form.Item
        name="month"
        label={t("funds.month")}
        extra={t("funds.monthHint")}
        rules={[{ required: true, message: t("funds.monthRequired") }]}
      >
        <DatePicker
          picker="month"
          format={i18n.language === "en" ? "YYYY-MM" : "YYYY年M月"}
          disabled={Boolean(record)}
          disabledDate={(d) => d.isAfter(dayjs(), "month")}
          onChange={onMonth}
          allowClear={false}
          style={{ width: 200 }}
        />
      </Form.Item>
      {!record && existing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("funds.existing", { month: label(existing.month) })}
        />
      )}
      <Flex gap={16}>
        <Form.Item
          name="domesticFen"
          label={t("funds.domestic")}
          style={half}
          dependencies={["foreignCents"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: number | null | undefined) =>
                (v ?? null) === null && (getFieldValue("foreignCents") ?? null) === null
                  ? Promise.reject(new Error(t("funds.amountRequired")))
                  : Promise.resolve(),
            }),
          ]}
        >
          <WanInput unit={t("field.wan")} />
        </Form.Item>
        <Form.Item name="foreignCents" label={t("funds.foreign")} style={half}>
          <WanInput unit={t("field.usd")} />
        </Form.Item>
      </Flex>
      <Form.Item name="evidenceFileIds" label={t("funds.evidence")}>
        <FileField subject={{ type: "project", id: projectId }} uploadLabel={t("funds.upload")} />
      </Form.Item>
      <Form.Item name="note" label={t("funds.note")}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder={t("funds.notePh")} />
      </Form.Item>
    </Modal>
  );
};
