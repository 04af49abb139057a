import { Button, Card, Descriptions, Flex, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Panelist, ReviewRow } from "../../../../common/review.schema";
import { formatDateTime } from "../../../lib/format";
import { unscored } from "../score";
import { ConcludeModal } from "./ConcludeModal";
import { PanelTable } from "./PanelTable";
import { ConclusionTag, ReviewStatusTag, Score } from "./ReviewBits";
import { ScoreModal } from "./ScoreModal";

/** One review of the project: its state, who was drawn and who was left out, the scores, the conclusion. */
export const ReviewCard = ({ review: r, manages }: { review: ReviewRow; manages: boolean }) => {
  const { t } = useTranslation("reviews");
  const [recording, setRecording] = useState<Panelist | null>(null);
  const [concluding, setConcluding] = useState(false);
  const missing = unscored(r);
  const open = r.status === "open";

  const concludeButton =
    manages && open ? (
      <Tooltip
        title={
          missing.length
            ? t("review.concludeHint", {
                n: missing.length,
                names: missing.map((p) => p.expertName).join("、"),
              })
            : undefined
        }
      >
        <Button type="primary" disabled={missing.length > 0} onClick={() => setConcluding(true)}>
          {t("review.conclude")}
        </Button>
      </Tooltip>
    ) : undefined;

  return (
    <Card
      size="small"
      data-testid="review-card"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{r.title}</span>
          <ReviewStatusTag status={r.status} />
          <ConclusionTag conclusion={r.conclusion} />
        </Flex>
      }
      extra={concludeButton}
      style={{ marginBottom: 16 }}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: "createdAt", label: t("review.createdAt"), children: formatDateTime(r.createdAt) },
          {
            key: "progress",
            label: t("review.progress"),
            children: t("review.progressValue", { done: r.panel.length - missing.length, n: r.panel.length }),
          },
          { key: "average", label: t("review.average"), children: <Score value={r.averageScore} strong /> },
          {
            key: "excluded",
            label: t("review.excluded"),
            children: r.excludedExperts.length ? (
              <Typography.Text type="warning" data-testid="excluded">
                {t("review.excludedValue", { names: r.excludedExperts.join("、") })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t("review.excludedNone")}</Typography.Text>
            ),
          },
          ...(r.concludedAt
            ? [
                {
                  key: "concludedAt",
                  label: t("review.concludedAt"),
                  children: formatDateTime(r.concludedAt),
                },
                {
                  key: "note",
                  label: t("review.note"),
                  span: 3,
                  children: r.conclusionNote ?? <Typography.Text type="secondary">—</Typography.Text>,
                },
              ]
            : []),
        ]}
        style={{ marginBottom: 12 }}
      />
      {manages && open && missing.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("review.concludeHint", {
            n: missing.length,
            names: missing.map((p) => p.expertName).join("、"),
          })}
        </Typography.Paragraph>
      )}
      <PanelTable review={r} onRecord={manages ? setRecording : undefined} />
      {recording && <ScoreModal review={r} seat={recording} onClose={() => setRecording(null)} />}
      {concluding && <ConcludeModal review={r} onClose={() => setConcluding(false)} />}
    </Card>
  );
};
