import { Flex, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApplicationRow } from "../../../../common/policy.schema";
import { formatDate, formatWan } from "../../../lib/format";
import { FairReviewTag, StatusTag } from "./PolicyBits";

/** The status, and the step now due while it is under review; side by side in a page's header. */
export const StatusCell = ({
  a,
  inline,
}: {
  a: Pick<ApplicationRow, "status" | "stepName">;
  inline?: boolean;
}) => (
  <Flex vertical={!inline} gap={inline ? 6 : 2} align={inline ? "center" : "flex-start"}>
    <StatusTag status={a.status} />
    {a.status === "reviewing" && a.stepName && (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {a.stepName}
      </Typography.Text>
    )}
  </Flex>
);

/** The application list's columns; the firm column is left out where the firm is known. */
export const useApplicationColumns = (showFirm = true): ColumnsType<ApplicationRow> => {
  const { t } = useTranslation("policies");
  const columns: ColumnsType<ApplicationRow> = [
    {
      title: t("field.code"),
      dataIndex: "code",
      key: "code",
      width: 150,
      sorter: true,
      render: (_, a) => <Link to={`/policies/applications/${a.id}`}>{a.code}</Link>,
    },
    {
      title: t("field.clause"),
      dataIndex: "clauseName",
      width: 260,
      render: (_, a) => (
        <Flex vertical gap={2}>
          <Flex gap={6} wrap align="center">
            <Link to={`/policies/applications/${a.id}`}>{a.clauseName}</Link>
            {a.fairReview && <FairReviewTag />}
            {!a.eligible && (
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t("apps.override")}
              </Tag>
            )}
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 250 }}>
            {a.policyName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("field.enterprise"),
      dataIndex: "enterpriseName",
      width: 240,
      render: (_, a) => (
        <Flex vertical gap={2}>
          <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
          {a.parkName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.parkName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("field.year"),
      dataIndex: "period",
      width: 100,
      render: (v: string) => (v === "once" ? t("apps.once") : v),
    },
    {
      title: t("field.claimed"),
      dataIndex: "claimedFen",
      key: "claimedFen",
      width: 130,
      align: "right",
      sorter: true,
      render: (v: number) => formatWan(v),
    },
    {
      title: t("field.approved"),
      dataIndex: "approvedFen",
      width: 130,
      align: "right",
      render: (v: number | null) => (v === null ? "—" : formatWan(v)),
    },
    {
      title: t("field.paid"),
      dataIndex: "paidFen",
      width: 130,
      align: "right",
      render: (v: number) => (v > 0 ? formatWan(v) : "—"),
    },
    {
      title: t("field.statusCol"),
      dataIndex: "status",
      width: 130,
      render: (_, a) => <StatusCell a={a} />,
    },
    {
      title: t("field.appliedOn"),
      dataIndex: "appliedOn",
      key: "appliedOn",
      width: 110,
      sorter: true,
      render: (v: string) => formatDate(v),
    },
  ];
  return showFirm ? columns : columns.filter((c) => !("dataIndex" in c) || c.dataIndex !== "enterpriseName");
};
