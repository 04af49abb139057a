import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Form, Input, Result, Spin, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { invitationAccept } from "../../../../common/invitation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { formatDateTime } from "../../../lib/format";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useAcceptInvitation, useInvitationByToken } from "../api/invitations.api";

interface Values {
  uscc: string;
  username: string;
  password: string;
  password2: string;
  name: string;
  phone: string;
}

/** The page's frame: the login page's look, narrow enough for a phone. */
const Frame = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation("app");
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: "100vh",
        background: "linear-gradient(160deg, #e8f0fe 0%, #f5f7fa 60%)",
        padding: "24px 12px",
      }}
    >
      <Card style={{ width: 460, maxWidth: "100%" }} styles={{ body: { padding: "28px 24px" } }}>
        <Flex vertical align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={2} style={{ margin: 0, letterSpacing: 4 }}>
            {t("brand")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("brandSub")}</Typography.Text>
        </Flex>
        {children}
      </Card>
    </Flex>
  );
};

const toLogin = (username?: string) => `/login${username ? `?username=${encodeURIComponent(username)}` : ""}`;

/** A link that cannot be used: unknown (404), or used, expired or revoked (410, the server says which). */
const Gone = ({ error }: { error: unknown }) => {
  const { t } = useTranslation("appeals");
  const gone = isApiError(error) && error.status === 410;
  const unknown = isApiError(error) && (error.status === 404 || error.status === 400);
  if (!gone && !unknown) return <ApiErrorAlert error={error} onRetry={() => window.location.reload()} />;
  return (
    <Result
      status={gone ? "warning" : "404"}
      title={gone && isApiError(error) ? error.message : t("accept.unknown")}
      subTitle={gone ? t("accept.goneHint") : t("accept.unknownHint")}
      extra={
        <Link to="/login">
          <Button>{t("accept.toLogin")}</Button>
        </Link>
      }
    />
  );
};

/** 开通企业账号: the firm's contact proves the firm's USCC and chooses a username and password. */
export const InviteAcceptPage = () => {
  const { t } = useTranslation("appeals");
  const { token = "" } = useParams();
  const view = useInvitationByToken(token);
  const accept = useAcceptInvitation(token);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [done, setDone] = useState<string | null>(null);

  if (view.isLoading) {
    return (
      <Frame>
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin size="large" />
        </Flex>
      </Frame>
    );
  }
  if (!view.data) {
    return (
      <Frame>
        <Gone error={view.error} />
      </Frame>
    );
  }
  if (done) {
    return (
      <Frame>
        <Result
          status="success"
          title={t("accept.done")}
          subTitle={t("accept.doneHint", { username: done })}
          extra={
            <Link to={toLogin(done)}>
              <Button type="primary" size="large" autoFocus>
                {t("accept.toLogin")}
              </Button>
            </Link>
          }
        />
      </Frame>
    );
  }
  // Used or expired while the form was open: the answer is the same as opening a used link.
  if (isApiError(error) && error.status === 410) {
    return (
      <Frame>
        <Gone error={error} />
      </Frame>
    );
  }

  const inv = view.data;
  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const r = await accept.mutateAsync({
        uscc: v.uscc,
        username: v.username.trim(),
        password: v.password,
        name: v.name.trim(),
        phone: v.phone.trim() || null,
      });
      setDone(r.username);
    } catch (e) {
      setExtra(applyServerErrors(form, e, "username"));
      setError(e);
    }
  };

  return (
    <Frame>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("accept.title")}
      </Typography.Title>
      <Typography.Paragraph>
        {t("accept.intro", { firm: inv.enterpriseName, name: inv.contactName })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("accept.expires", { at: formatDateTime(inv.expiresAt) })}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          uscc: "",
          username: "",
          password: "",
          password2: "",
          name: inv.contactName,
          phone: "",
        }}
        onFinish={onFinish}
        onValuesChange={() => setError(null)}
        requiredMark={false}
        scrollToFirstError
      >
        <Form.Item
          name="uscc"
          label={t("accept.uscc")}
          extra={t("accept.usccHint", { firm: inv.enterpriseName })}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true, message: t("accept.usccRequired") },
            zodRule(invitationAccept.shape.uscc),
          ]}
        >
          <Input
            prefix={<SafetyCertificateOutlined />}
            maxLength={24}
            autoFocus
            autoComplete="off"
            style={{ fontFamily: "monospace" }}
          />
        </Form.Item>
        <Form.Item
          name="username"
          label={t("accept.username")}
          extra={t("accept.usernameHint")}
          rules={[zodRule(invitationAccept.shape.username)]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("accept.password")}
          extra={t("accept.passwordHint")}
          rules={[zodRule(invitationAccept.shape.password)]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="password2"
          label={t("accept.password2")}
          dependencies={["password"]}
          rules={[
            { required: true, message: t("accept.password2Required") },
            ({ getFieldValue }) => ({
              validator: async (_r, v: string) => {
                if (v && v !== getFieldValue("password")) throw new Error(t("accept.passwordMismatch"));
              },
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="name"
            label={t("accept.name")}
            rules={[zodRule(invitationAccept.shape.name)]}
            style={{ flex: "1 1 160px" }}
          >
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={t("accept.phone")} style={{ flex: "1 1 160px" }}>
            <Input maxLength={30} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>
          {t("accept.submit")}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
        {t("accept.haveAccount")} <Link to="/login">{t("accept.toLogin")}</Link>
      </Typography.Paragraph>
    </Frame>
  );
};
