import { Button, Flex, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { Panelist, ReviewRow } from "../../../../common/review.schema";
import { formatDateTime } from "../../../lib/format";
import { Score } from "./ReviewBits";

/**
 * The drawn panel: each expert's weighted total and per-criterion scores.
 * While a review is open an expert sees only their own; staff see all.
 */
export const PanelTable = ({
  review,
  onRecord,
  highlight,
}: {
  review: ReviewRow;
  /** 录入评分 for a panelist, offered to staff while the review is open */
  onRecord?: (seat: Panelist) => void;
  /** the signed-in expert's own seat */
  highlight?: string | null;
}) => {
  const { t } = useTranslation("reviews");
  const open = review.status === "open";
  const columns: ColumnsType<Panelist> = [
    {
      title: t("review.expert"),
      key: "expert",
      fixed: "left",
      width: 170,
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text strong={p.expertId === highlight}>
            {p.expertName}
            {p.expertId === highlight && (
              <Tag color="blue" style={{ marginInlineStart: 6 }}>
                {t("mine.me")}
              </Tag>
            )}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 160 }}>
            {[p.organization, p.title].filter(Boolean).join(" · ")}
          </Typography.Text>
        </Flex>
      ),
    },
    ...review.criteria.map((c) => ({
      title: (
        <Flex vertical>
          <span>{c.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {t("score.weightMax", { weight: c.weight, max: c.max })}
          </Typography.Text>
        </Flex>
      ),
      key: c.key,
      width: 110,
      align: "right" as const,
      render: (_: unknown, p: Panelist) => <Score value={p.scores?.[c.key]} />,
    })),
    {
      title: t("review.total"),
      key: "total",
      width: 90,
      align: "right",
      render: (_, p) => <Score value={p.total} strong />,
    },
    {
      title: t("review.state"),
      key: "state",
      width: 150,
      render: (_, p) =>
        p.submittedAt ? (
          <Flex vertical>
            <Tag color="green" style={{ marginInlineEnd: 0, width: "fit-content" }}>
              {t("review.submitted")}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(p.submittedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }}>{t("review.pending")}</Tag>
        ),
    },
  ];
  if (onRecord && open) {
    columns.push({
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: 100,
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => onRecord(p)}>
          {p.submittedAt ? t("review.rerecord") : t("review.record")}
        </Button>
      ),
    });
  }
  return (
    <Table<Panelist>
      size="small"
      rowKey="expertId"
      columns={columns}
      dataSource={review.panel}
      pagination={false}
      scroll={{ x: 520 + review.criteria.length * 110 }}
      expandable={{
        rowExpandable: (p) => Boolean(p.comment),
        expandedRowRender: (p) => (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
            <Typography.Text type="secondary">
              {t("score.comment")}
              {t("common:state.colon")}
            </Typography.Text>
            {p.comment}
          </Typography.Paragraph>
        ),
      }}
    />
  );
};
