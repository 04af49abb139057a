import { UserAddOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Popconfirm, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InvitationRow, InvitationStatus } from "../../../../common/invitation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { EnterprisePanelProps } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { useFirmAccounts, useInvitations, useRevokeInvitation } from "../api/invitations.api";
import { AccountModal } from "./AccountModal";
import { InviteModal } from "./InviteModal";

const statusColor: Record<InvitationStatus, string> = {
  pending: "blue",
  accepted: "green",
  expired: "default",
  revoked: "red",
};

/** 企业账号 on the enterprise page: the invitations sent to the firm's contacts, and a new one. */
export const InvitationsPanel = ({ enterpriseId, enterpriseName }: EnterprisePanelProps) => {
  const { t } = useTranslation("appeals");
  const feedback = useFeedback();
  const { data, isFetching, error, refetch } = useInvitations(enterpriseId);
  const revoke = useRevokeInvitation();
  const [inviting, setInviting] = useState(false);
  const [opening, setOpening] = useState(false);
  const firmAccounts = useFirmAccounts(enterpriseId);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {firmAccounts.data
            ? firmAccounts.data.length > 0
              ? t("invitations.accounts", {
                  names: firmAccounts.data
                    .map(
                      (a) =>
                        `${a.name}（${a.username}，${a.lastLoginAt ? `${t("account.lastLogin")} ${formatDateTime(a.lastLoginAt)}` : t("account.never")}${a.active ? "" : `，${t("account.disabled")}`}）`,
                    )
                    .join("、"),
                })
              : t("invitations.noAccount")
            : ""}
        </Typography.Text>
        <Flex gap={8}>
          <Button onClick={() => setOpening(true)}>{t("account.open")}</Button>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
            {t("invitations.invite")}
          </Button>
        </Flex>
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<InvitationRow>
        rowKey="id"
        size="small"
        dataSource={data}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("invitations.empty")} />,
        }}
        columns={[
          { title: t("invite.contactName"), dataIndex: "contactName", width: 120 },
          {
            title: t("invite.phone"),
            dataIndex: "phone",
            width: 140,
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 90,
            render: (s: InvitationStatus) => <Tag color={statusColor[s]}>{t(`invitationStatus.${s}`)}</Tag>,
          },
          {
            title: t("invitations.account"),
            dataIndex: "acceptedUsername",
            width: 160,
            render: (v: string | null, r) =>
              v ? (
                <Flex vertical>
                  <Typography.Text code>{v}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(r.acceptedAt)}
                  </Typography.Text>
                </Flex>
              ) : (
                "—"
              ),
          },
          {
            title: t("invitations.expiresAt"),
            dataIndex: "expiresAt",
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t("invitations.createdBy"),
            dataIndex: "createdByName",
            width: 160,
            render: (v: string | null, r) => (
              <Flex vertical>
                <span>{v ?? "—"}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(r.createdAt)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t("invitations.actions"),
            width: 90,
            render: (_, r) =>
              r.status === "pending" ? (
                <Popconfirm
                  title={t("invitations.revokeConfirm", { name: r.contactName })}
                  description={t("invitations.revokeHint")}
                  okText={t("invitations.revoke")}
                  okButtonProps={{ danger: true }}
                  cancelText={t("common:action.cancel")}
                  onConfirm={() =>
                    revoke
                      .mutateAsync(r.id)
                      .then(() => feedback.success(t("invitations.revoked")), feedback.error)
                  }
                >
                  <Button size="small" danger>
                    {t("invitations.revoke")}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {opening && (
        <AccountModal
          enterpriseId={enterpriseId}
          enterpriseName={enterpriseName}
          onClose={() => setOpening(false)}
        />
      )}
      {inviting && (
        <InviteModal
          enterpriseId={enterpriseId}
          enterpriseName={enterpriseName}
          onClose={() => setInviting(false)}
        />
      )}
    </Flex>
  );
};
