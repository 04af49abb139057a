import { Form, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Panelist, ReviewRow } from "../../../../common/review.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors } from "../../../lib/forms";
import { useSubmitScores } from "../api/reviews.api";
import { formatScore } from "../score";
import { ScoreFields, type ScoreValues, scoreBodyOf, scoreValuesOf } from "./ScoreFields";

/** 录入评分: staff record the score sheet a panelist handed in on paper. */
export const ScoreModal = ({
  review,
  seat,
  onClose,
}: {
  review: ReviewRow;
  seat: Panelist;
  onClose: () => void;
}) => {
  const { t } = useTranslation("reviews");
  const feedback = useFeedback();
  const [form] = Form.useForm<ScoreValues>();
  const submit = useSubmitScores(review.id);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: ScoreValues) => {
    setError(null);
    setExtra([]);
    try {
      const saved = await submit.mutateAsync({ ...scoreBodyOf(review.criteria, v), expertId: seat.expertId });
      const total = saved.panel.find((p) => p.expertId === seat.expertId)?.total;
      feedback.success(t("score.recorded", { name: seat.expertName, total: formatScore(total) }));
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t("score.recordTitle", { name: seat.expertName })}
      onCancel={onClose}
      okText={t("score.save")}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph type="secondary">{t("score.recordHint")}</Typography.Paragraph>
      <Form<ScoreValues>
        form={form}
        layout="vertical"
        initialValues={scoreValuesOf(review.criteria, seat)}
        onFinish={onFinish}
      >
        <ApiErrorAlert error={error} extraIssues={extra} />
        <ScoreFields criteria={review.criteria} />
      </Form>
    </Modal>
  );
};
