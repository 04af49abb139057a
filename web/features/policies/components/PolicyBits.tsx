import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationStatus } from "../../../../common/policy.schema";

const statusColor: Record<ApplicationStatus, string> = {
  reviewing: "blue",
  approved: "gold",
  paid: "green",
  rejected: "red",
};

export const StatusTag = ({ status }: { status: ApplicationStatus }) => {
  const { t } = useTranslation("policies");
  return (
    <Tag color={statusColor[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
};

/** 公平竞争审查: shown wherever a flagged clause is applied (lists, pages, the firm's matches). */
export const FairReviewTag = ({ note }: { note?: string | null }) => {
  const { t } = useTranslation("policies");
  const tag = (
    <Tag color="volcano" icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0 }}>
      {t("fair.tag")}
    </Tag>
  );
  return note ? <Tooltip title={note}>{tag}</Tooltip> : tag;
};

/** The flag as a banner on a clause's or an application's page, with the review's note. */
export const FairReviewAlert = ({
  note,
  onApplication,
}: {
  note: string | null;
  onApplication?: boolean;
}) => {
  const { t } = useTranslation("policies");
  return (
    <Alert
      type="warning"
      showIcon
      icon={<SafetyCertificateOutlined />}
      style={{ marginBottom: 16 }}
      title={onApplication ? t("fair.alertApp") : t("fair.alert")}
      description={note || t("fair.noNote")}
      data-testid="fair-review-alert"
    />
  );
};
