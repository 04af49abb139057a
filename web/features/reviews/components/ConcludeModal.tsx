import { Form, Input, Modal, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ReviewConclusion, type ReviewRow, reviewConclusions } from "../../../../common/review.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors } from "../../../lib/forms";
import { useConcludeReview } from "../api/reviews.api";
import { formatScore } from "../score";

interface Values {
  conclusion: ReviewConclusion | null;
  note: string;
}

/** 出具结论: 通过, 有条件通过 (the conditions in the note) or 不通过; the sign gate reads it. */
export const ConcludeModal = ({ review, onClose }: { review: ReviewRow; onClose: () => void }) => {
  const { t } = useTranslation("reviews");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const conclude = useConcludeReview(review.id);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const conclusion = Form.useWatch("conclusion", form);
  const totals = review.panel.map((p) => p.total ?? 0);
  const mean = totals.length
    ? Math.round((totals.reduce((a, x) => a + x, 0) / totals.length) * 100) / 100
    : null;

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const saved = await conclude.mutateAsync({
        conclusion: v.conclusion ?? "pass",
        note: v.note.trim() || undefined,
        version: review.version,
      });
      feedback.success(
        t("conclude.done", { conclusion: t(`conclusion.${saved.conclusion ?? v.conclusion}`) }),
      );
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t("conclude.title", { title: review.title })}
      onCancel={onClose}
      okText={t("conclude.submit")}
      onOk={() => form.submit()}
      confirmLoading={conclude.isPending}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph>
        {t("conclude.average", { n: review.panel.length, average: formatScore(mean) })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ conclusion: null, note: "" }}
        onFinish={onFinish}
      >
        <ApiErrorAlert error={error} extraIssues={extra} onReload={onClose} />
        <Form.Item
          name="conclusion"
          label={t("conclude.conclusion")}
          rules={[{ required: true, message: t("conclude.required") }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={reviewConclusions.map((c) => ({ value: c, label: t(`conclusion.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("conclude.note")}
          extra={conclusion === "conditional" ? t("conclude.conditionalHint") : t("conclude.noteHint")}
          rules={
            conclusion === "conditional"
              ? [{ required: true, whitespace: true, message: t("conclude.conditionsRequired") }]
              : []
          }
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t("conclude.notePh")} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
