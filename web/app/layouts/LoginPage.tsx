import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useLogin } from "../../features/session";
import { isApiError } from "../../lib/api";
import { LanguageSwitch } from "./LanguageSwitch";

interface Values {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | null): string =>
  next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";

export const LoginPage = () => {
  const { t } = useTranslation("session");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setError(null);
    try {
      await login.mutateAsync({ username: v.username.trim(), password: v.password });
      navigate(safeNext(params.get("next")), { replace: true });
    } catch (e) {
      setError(isApiError(e) ? e.message : t("common:error.network"));
      form.setFieldValue("password", "");
      form.getFieldInstance("password")?.focus?.();
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: "100vh",
        background: "linear-gradient(160deg, #e8f0fe 0%, #f5f7fa 60%)",
        padding: 16,
      }}
    >
      <div style={{ position: "absolute", top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, maxWidth: "100%" }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0, letterSpacing: 4 }}>
            {t("app:brand")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("login.subtitle")}</Typography.Text>
        </Flex>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          // An accepted invitation sends the new account here with its username filled in.
          initialValues={{ username: params.get("username") ?? "" }}
          // A server error is about the last attempt: editing or resubmitting makes it stale.
          onValuesChange={() => setError(null)}
          onFinishFailed={() => setError(null)}
          requiredMark={false}
          size="large"
        >
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!params.get("username")} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              autoFocus={Boolean(params.get("username"))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </Form>
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 24, marginBottom: 0, textAlign: "center", fontSize: 12 }}
        >
          {t("login.footer")}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
};
