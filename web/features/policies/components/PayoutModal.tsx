import { Alert, DatePicker, Form, Input, InputNumber, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationDetail, payoutCreate } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { fenToWan, formatWan, wanToFen } from "../../../lib/format";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useRecordPayout } from "../api/applications.api";
import { remapIssues } from "./remap";

interface Values {
  amountWan: number | null;
  paidOn: Dayjs | null;
  voucherNo: string;
}

interface Props {
  application: ApplicationDetail;
  onClose: () => void;
  onStale: () => void;
}

/** What is approved and not yet paid, in fen. */
export const leftToPay = (a: Pick<ApplicationDetail, "approvedFen" | "paidFen">) =>
  Math.max(0, (a.approvedFen ?? 0) - a.paidFen);

/** 登记兑付: an amount (at most what is left), the day it was paid and the voucher. */
export const PayoutModal = ({ application: a, onClose, onStale }: Props) => {
  const { t } = useTranslation("policies");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const pay = useRecordPayout();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [stale, setStale] = useState(false);
  const left = leftToPay(a);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    setStale(false);
    const amountFen = wanToFen(v.amountWan ?? 0);
    try {
      await pay.mutateAsync({
        id: a.id,
        body: {
          amountFen,
          paidOn: (v.paidOn ?? dayjs()).format("YYYY-MM-DD"),
          voucherNo: v.voucherNo.trim() || null,
          version: a.version,
        },
      });
      feedback.success(t("payout.done", { amount: formatWan(amountFen) }));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409 && e.code === "STALE_VERSION") {
        setStale(true);
        onStale();
        return;
      }
      const mapped = remapIssues(e, { amountFen: "amountWan" });
      setExtra(applyServerErrors(form, mapped));
      setError(mapped);
    }
  };

  return (
    <Modal
      open
      width={520}
      title={t("payout.title", { code: a.code })}
      onCancel={onClose}
      okText={t("app.pay")}
      okButtonProps={{ htmlType: "submit", loading: pay.isPending, disabled: !a.can.pay }}
      cancelText={t("common:action.cancel")}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ amountWan: fenToWan(left), paidOn: dayjs(), voucherNo: "" }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        {t("payout.left", {
          approved: formatWan(a.approvedFen ?? 0),
          paid: formatWan(a.paidFen),
          left: formatWan(left),
        })}
      </Typography.Paragraph>
      {stale && (
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t("decide.stale")} />
      )}
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form.Item
        name="amountWan"
        label={t("payout.amountWan")}
        rules={[
          { required: true, message: t("payout.amountRequired") },
          {
            validator: async (_r, v: number | null) => {
              if (v !== null && wanToFen(v) > left)
                throw new Error(t("payout.tooMuch", { left: formatWan(left) }));
            },
          },
        ]}
      >
        <InputNumber<number>
          autoFocus
          min={0}
          max={100_000_000}
          suffix={t("field.unit")}
          style={{ width: 220 }}
        />
      </Form.Item>
      <Form.Item
        name="paidOn"
        label={t("payout.paidOn")}
        rules={[{ required: true, message: t("payout.dateRequired") }]}
      >
        <DatePicker style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        name="voucherNo"
        label={t("payout.voucherNo")}
        rules={[zodRule(payoutCreate.shape.voucherNo, "null")]}
      >
        <Input maxLength={60} placeholder={t("payout.voucherNoPh")} style={{ width: 320 }} />
      </Form.Item>
    </Modal>
  );
};
