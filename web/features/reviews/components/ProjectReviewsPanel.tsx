import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Flex, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReviewRow } from "../../../../common/review.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import type { ProjectPanelProps } from "../../../lib/extensions";
import { useSubjectReviews } from "../api/reviews.api";
import { DrawModal } from "./DrawModal";
import { ReviewCard } from "./ReviewCard";

/** What the sign gate reads: the newest concluded review (the list comes newest first). */
const gateOf = (reviews: ReviewRow[]) => reviews.find((r) => r.status === "concluded") ?? null;

/** 项目研判, a tab of the project page: the project's expert reviews, and starting a new one. */
export const ProjectReviewsPanel = ({ projectId, projectName }: ProjectPanelProps) => {
  const { t } = useTranslation("reviews");
  const manages = usePermission("review.manage");
  const { data, isLoading, error, refetch } = useSubjectReviews("project", projectId);
  const [drawing, setDrawing] = useState(false);
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  const reviews = data ?? [];
  const gate = gateOf(reviews);
  const passed = gate !== null && gate.conclusion !== "fail";
  const drawButton = manages ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawing(true)}>
      {t("panel.draw")}
    </Button>
  ) : undefined;

  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Alert
          type={passed ? "success" : "info"}
          showIcon
          style={{ flex: 1, minWidth: 280 }}
          title={
            gate
              ? t(passed ? "panel.gatePassed" : "panel.gateFailed", {
                  title: gate.title,
                  conclusion: t(`conclusion.${gate.conclusion}`),
                })
              : t("panel.gateNone")
          }
        />
        {reviews.length > 0 && drawButton}
      </Flex>
      {reviews.length === 0 && !error ? (
        <Empty
          description={
            <Typography.Text type="secondary">
              {manages ? t("panel.emptyHint") : t("panel.empty")}
            </Typography.Text>
          }
        >
          {drawButton}
        </Empty>
      ) : (
        reviews.map((r) => <ReviewCard key={r.id} review={r} manages={manages} />)
      )}
      {drawing && (
        <DrawModal projectId={projectId} projectName={projectName} onClose={() => setDrawing(false)} />
      )}
    </>
  );
};
