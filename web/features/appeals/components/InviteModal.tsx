import { CopyOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, AutoComplete, Button, Flex, Form, Input, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Contact } from "../../../../common/enterprise.schema";
import { type InvitationCreated, invitationCreate } from "../../../../common/invitation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { OnceModal } from "../../../components/OnceModal";
import { apiGet, type FieldIssue } from "../../../lib/api";
import { formatDateTime } from "../../../lib/format";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useCreateInvitation } from "../api/invitations.api";
import { invitationsKey } from "../api/keys";

interface Values {
  contactName: string;
  phone: string;
  validDays: number;
}

/** The firm's recorded contacts, to fill the invitation from (GET /api/enterprises/:id). */
const useFirmContacts = (enterpriseId: string) =>
  useQuery({
    queryKey: [...invitationsKey, "contacts", enterpriseId],
    queryFn: ({ signal }) =>
      apiGet<{ contacts: Contact[] }>(`/enterprises/${enterpriseId}`, undefined, signal).then(
        (r) => r.contacts ?? [],
      ),
    staleTime: 60_000,
  });

/** The link made, shown this once: the server keeps only a hash of its token. */
const LinkShown = ({ made }: { made: InvitationCreated }) => {
  const { t } = useTranslation("appeals");
  const [copied, setCopied] = useState(false);
  const link = `${window.location.origin}/invite/${made.token}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (plain http on an intranet): the text stays selectable.
      setCopied(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon title={t("invite.once")} description={t("invite.onceHint")} />
      <Typography.Text>
        {t("invite.madeFor", { name: made.contactName, expires: formatDateTime(made.expiresAt) })}
      </Typography.Text>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          readOnly
          value={link}
          aria-label={t("invite.link")}
          data-testid="invite-link"
          onFocus={(e) => e.target.select()}
        />
        <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()}>
          {copied ? t("common:action.copied") : t("invite.copy")}
        </Button>
      </Space.Compact>
    </Flex>
  );
};

interface Props {
  enterpriseId: string;
  enterpriseName: string;
  onClose: () => void;
}

/** 邀请企业账号: who the link is for and how long it lasts; then the link, once. */
export const InviteModal = ({ enterpriseId, enterpriseName, onClose }: Props) => {
  const { t } = useTranslation("appeals");
  const [form] = Form.useForm<Values>();
  const create = useCreateInvitation();
  const contacts = useFirmContacts(enterpriseId);
  const [made, setMade] = useState<InvitationCreated | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const saved = await create.mutateAsync({
        enterpriseId,
        body: { contactName: v.contactName.trim(), phone: v.phone.trim() || null, validDays: v.validDays },
      });
      setMade(saved);
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  const options = (contacts.data ?? []).map((c) => ({
    value: c.name,
    label: [c.name, c.title, c.phone].filter(Boolean).join(" · "),
  }));

  return (
    <OnceModal
      width={580}
      title={t("invite.title", { name: enterpriseName })}
      shown={!!made}
      pending={create.isPending}
      createText={t("invite.create")}
      doneText={t("invite.done")}
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      {made ? (
        <LinkShown made={made} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ contactName: "", phone: "", validDays: 7 }}
          onFinish={onFinish}
        >
          <Typography.Paragraph type="secondary">{t("invite.hint")}</Typography.Paragraph>
          <ApiErrorAlert error={error} extraIssues={extra} />
          <Form.Item
            name="contactName"
            label={t("invite.contactName")}
            required
            rules={[zodRule(invitationCreate.shape.contactName)]}
          >
            <AutoComplete
              options={options}
              autoFocus
              placeholder={t("invite.contactPh")}
              onSelect={(name: string) => {
                const c = contacts.data?.find((x) => x.name === name);
                if (c?.phone) form.setFieldValue("phone", c.phone);
              }}
            />
          </Form.Item>
          <Form.Item name="phone" label={t("invite.phone")}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="validDays" label={t("invite.validDays")} extra={t("invite.validDaysHint")}>
            <InputNumber<number>
              min={1}
              max={30}
              precision={0}
              suffix={t("invite.days")}
              style={{ width: 150 }}
            />
          </Form.Item>
          {/* Enter in a field submits: the footer's button sits outside the <form>. */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      )}
    </OnceModal>
  );
};
