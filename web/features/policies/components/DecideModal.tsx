import { Alert, Form, Input, InputNumber, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationDetail, applicationDecide } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { fenToWan, formatWan, wanToFen } from "../../../lib/format";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useDecide } from "../api/applications.api";
import { remapIssues } from "./remap";

export type Decision = "pass" | "reject";

interface Values {
  opinion: string;
  approvedWan: number | null;
}

interface Props {
  application: ApplicationDetail;
  decision: Decision;
  onClose: () => void;
  /** fetch the application anew after a stale write (409) */
  onStale: () => void;
}

/** 审核通过 / 不通过 at the step now due; the last step's pass sets the approved amount. */
export const DecideModal = ({ application: a, decision, onClose, onStale }: Props) => {
  const { t } = useTranslation("policies");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const decide = useDecide();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [stale, setStale] = useState(false);
  const last = a.stepIndex !== null && a.stepIndex === a.steps.length - 1;
  const setsAmount = last && decision === "pass";

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    setStale(false);
    try {
      await decide.mutateAsync({
        id: a.id,
        body: {
          decision,
          opinion: v.opinion.trim(),
          ...(setsAmount && v.approvedWan !== null ? { approvedFen: wanToFen(v.approvedWan) } : {}),
          version: a.version,
        },
      });
      feedback.success(decision === "pass" ? t("decide.passed") : t("decide.rejected"));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409 && e.code === "STALE_VERSION") {
        setStale(true);
        onStale();
        return;
      }
      const mapped = remapIssues(e, { approvedFen: "approvedWan" });
      setExtra(applyServerErrors(form, mapped));
      setError(mapped);
    }
  };

  return (
    <Modal
      open
      width={560}
      title={t(decision === "pass" ? "decide.passTitle" : "decide.rejectTitle", { code: a.code })}
      onCancel={onClose}
      okText={decision === "pass" ? t("app.pass") : t("app.reject")}
      okButtonProps={{
        htmlType: "submit",
        loading: decide.isPending,
        danger: decision === "reject",
        disabled: !a.can.decide,
      }}
      cancelText={t("common:action.cancel")}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ opinion: "", approvedWan: fenToWan(a.claimedFen) }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        {[a.enterpriseName, a.clauseName, t("decide.step", { step: a.stepName ?? "" })].join(" · ")}
      </Typography.Paragraph>
      {stale && (
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t("decide.stale")} />
      )}
      <ApiErrorAlert error={error} extraIssues={extra} />
      {setsAmount && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("decide.lastStep")} />}
      <Form.Item
        name="opinion"
        label={t("decide.opinion")}
        rules={[
          { required: true, whitespace: true, message: t("decide.opinionRequired") },
          zodRule(applicationDecide.shape.opinion),
        ]}
      >
        <Input.TextArea autoFocus rows={3} maxLength={1000} showCount placeholder={t("decide.opinionPh")} />
      </Form.Item>
      {setsAmount && (
        <Form.Item
          name="approvedWan"
          label={t("decide.approvedWan")}
          extra={t("decide.approvedHint", { amount: formatWan(a.claimedFen) })}
        >
          <InputNumber<number> min={0} max={100_000_000} suffix={t("field.unit")} style={{ width: 220 }} />
        </Form.Item>
      )}
    </Modal>
  );
};
