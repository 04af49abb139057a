import { CopyOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { enterpriseAccountCreate } from "../../../../common/invitation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { OnceModal } from "../../../components/OnceModal";
import type { FieldIssue } from "../../../lib/api";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useCreateFirmAccount } from "../api/invitations.api";

interface Values {
  username: string;
  name: string;
  phone: string;
}

interface Props {
  enterpriseId: string;
  enterpriseName: string;
  onClose: () => void;
}

/** 直接开通企业账号: staff open the account; the first password is shown once. */
export const AccountModal = ({ enterpriseId, enterpriseName, onClose }: Props) => {
  const { t } = useTranslation("appeals");
  const [form] = Form.useForm<Values>();
  const create = useCreateFirmAccount();
  const [made, setMade] = useState<{ username: string; password: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [copied, setCopied] = useState(false);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      setMade(
        await create.mutateAsync({
          enterpriseId,
          body: { username: v.username.trim(), name: v.name.trim(), phone: v.phone.trim() || null },
        }),
      );
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };
  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(`${made.username} / ${made.password}`);
      setCopied(true);
    } catch {
      // No clipboard on plain http: the text stays selectable.
    }
  };

  return (
    <OnceModal
      width={520}
      title={t("account.title", { name: enterpriseName })}
      shown={!!made}
      pending={create.isPending}
      createText={t("account.create")}
      doneText={t("account.done")}
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      {made ? (
        <Flex vertical gap={12}>
          <Alert type="success" showIcon title={t("account.created")} />
          <Typography.Text>
            {t("account.username")}：<Typography.Text code>{made.username}</Typography.Text>
          </Typography.Text>
          <Typography.Text>
            {t("account.password")}：
            <Typography.Text code data-testid="account-password">
              {made.password}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text type="secondary">{t("account.passwordHint")}</Typography.Text>
          <Button icon={<CopyOutlined />} onClick={() => void copy()} style={{ alignSelf: "flex-start" }}>
            {copied ? t("common:action.copied") : t("account.copy")}
          </Button>
        </Flex>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ username: "", name: "", phone: "" }}
          onFinish={onFinish}
        >
          <Typography.Paragraph type="secondary">{t("account.hint")}</Typography.Paragraph>
          <ApiErrorAlert error={error} extraIssues={extra} />
          <Form.Item
            name="username"
            label={t("account.username")}
            extra={t("account.usernameHint")}
            required
            rules={[zodRule(enterpriseAccountCreate.shape.username)]}
          >
            <Input autoFocus autoComplete="off" maxLength={32} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t("account.name")}
            required
            rules={[zodRule(enterpriseAccountCreate.shape.name)]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t("account.phone")}>
            <Input maxLength={30} />
          </Form.Item>
          {/* Enter in a field submits: the footer's button sits outside the <form>. */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      )}
    </OnceModal>
  );
};
