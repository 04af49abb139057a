import { Flex, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ClauseRow } from "../../../../common/policy.schema";
import { formatDate } from "../../../lib/format";
import { FairReviewTag } from "./PolicyBits";

/** A clause's validity as 2026-01-01 至 2028-12-31, or one end of it. */
export const ValidityText = ({ c }: { c: Pick<ClauseRow, "validFrom" | "validTo"> }) => {
  if (!c.validFrom && !c.validTo) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {formatDate(c.validFrom) || "…"} ~ {formatDate(c.validTo) || "…"}
    </span>
  );
};

/** The clause library's columns: the server's own words for the condition and the amount. */
export const useClauseColumns = (): ColumnsType<ClauseRow> => {
  const { t } = useTranslation("policies");
  return [
    {
      title: t("field.name"),
      dataIndex: "name",
      key: "name",
      width: 280,
      sorter: true,
      render: (_, c) => (
        <Flex vertical gap={2}>
          <Flex gap={6} wrap align="center">
            <Link to={`/policies/${c.id}`}>{c.name}</Link>
            {c.fairReview && <FairReviewTag note={c.fairReviewNote} />}
            {!c.active && <Tag style={{ marginInlineEnd: 0 }}>{t("clause.inactive")}</Tag>}
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 270 }}>
            {[c.policyName, c.docNo, c.clauseNo].filter(Boolean).join(" · ")}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("field.condition"),
      dataIndex: "conditionText",
      width: 280,
      render: (v: string) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: v }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    { title: t("field.amountRule"), dataIndex: "amountText", width: 200 },
    {
      title: t("field.period"),
      dataIndex: "period",
      width: 140,
      render: (_, c) => t(`period.${c.period}`),
    },
    {
      title: t("field.validity"),
      key: "validity",
      width: 200,
      render: (_, c) => <ValidityText c={c} />,
    },
    {
      title: t("field.steps"),
      dataIndex: "steps",
      width: 200,
      render: (steps: string[]) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {steps.join(" → ")}
        </Typography.Text>
      ),
    },
    {
      title: t("field.department"),
      dataIndex: "departmentName",
      width: 160,
      render: (v: string | null) => v ?? "—",
    },
  ];
};
