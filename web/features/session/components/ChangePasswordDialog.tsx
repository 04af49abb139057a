import { Alert, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { password as passwordSchema } from "../../../../common/users.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useChangePassword } from "../api/session.api";

interface Props {
  open: boolean;
  /** Must change (first sign-in, after a reset): no way to dismiss but signing out. */
  forced: boolean;
  onClose: () => void;
  onLogout: () => void;
}

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const ChangePasswordDialog = ({ open, forced, onClose, onLogout }: Props) => {
  const { t } = useTranslation("session");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    setError(null);
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      feedback.success(t("password.done"));
      form.resetFields();
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={forced ? t("password.forcedTitle") : t("password.title")}
      okText={t("password.submit")}
      cancelText={t("common:action.cancel")}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      footer={forced ? (_origin, { OkBtn }) => <OkBtn /> : undefined}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {forced && (
        <Alert
          type="warning"
          showIcon
          title={t("password.forcedHint")}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" type="link" onClick={onLogout}>
              {t("app:header.logout")}
            </Button>
          }
        />
      )}
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t("password.current")}
          rules={[{ required: true, message: t("login.passwordRequired") }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("password.next")}
          required
          extra={t("password.rule")}
          dependencies={["currentPassword"]}
          rules={[
            zodRule(passwordSchema),
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                if (v && v === getFieldValue("currentPassword")) throw new Error(t("password.same"));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          required
          dependencies={["newPassword"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                if (v !== getFieldValue("newPassword")) throw new Error(t("password.mismatch"));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
};
