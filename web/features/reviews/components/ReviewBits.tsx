import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReviewConclusion, ReviewStatus } from "../../../../common/review.schema";
import { formatScore } from "../score";

const conclusionColor: Record<ReviewConclusion, string> = { pass: "green", conditional: "gold", fail: "red" };

/** 评审中 / 已出结论 */
export const ReviewStatusTag = ({ status }: { status: ReviewStatus }) => {
  const { t } = useTranslation("reviews");
  return (
    <Tag color={status === "open" ? "processing" : "default"} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
};

/** 通过 / 有条件通过 / 不通过, coloured; nothing before the conclusion. */
export const ConclusionTag = ({ conclusion }: { conclusion: ReviewConclusion | null }) => {
  const { t } = useTranslation("reviews");
  if (!conclusion) return null;
  return (
    <Tag color={conclusionColor[conclusion]} style={{ marginInlineEnd: 0 }} data-testid="conclusion">
      {t(`conclusion.${conclusion}`)}
    </Tag>
  );
};

/** A score out of 100, or a dash. */
export const Score = ({ value, strong }: { value: number | null | undefined; strong?: boolean }) =>
  value === null || value === undefined ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <Typography.Text strong={strong}>{formatScore(value)}</Typography.Text>
  );
