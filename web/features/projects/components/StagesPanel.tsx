import { Empty, Flex, Skeleton, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { stageIndex } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { formatDateCn, formatDateTime } from "../../../lib/format";
import { type StageEvent, useStageEvents } from "../api/lifecycle.api";
import { StageTag } from "./ProjectBits";

const colorOf = (e: StageEvent): string => {
  if (e.toStage === "stopped") return "red";
  if (e.fromStage === "stopped") return "orange";
  if (e.fromStage && stageIndex(e.toStage) < stageIndex(e.fromStage)) return "orange";
  return "blue";
};

/** 阶段记录: every move of the project, the day it counts from, who recorded it and why. */
export const StagesPanel = ({ projectId }: { projectId: string }) => {
  const { t } = useTranslation("projects");
  const { data, isLoading, error, refetch } = useStageEvents(projectId);
  if (isLoading) return <Skeleton active />;
  if (error) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;
  const events = [...(data ?? [])].reverse();
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("stages.empty")} />;
  return (
    <div data-testid="stage-events" style={{ maxWidth: 760 }}>
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          color: colorOf(e),
          content: (
            <Flex vertical gap={4}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{formatDateCn(e.on)}</Typography.Text>
                {e.fromStage ? (
                  <>
                    <StageTag stage={e.fromStage} />
                    <span aria-hidden>→</span>
                    <StageTag stage={e.toStage} />
                  </>
                ) : (
                  <>
                    <Typography.Text>{t("stages.registered")}</Typography.Text>
                    <StageTag stage={e.toStage} />
                  </>
                )}
              </Flex>
              {e.reason && <Typography.Text>{t("stages.reason", { reason: e.reason })}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("stages.by", { name: e.actorName ?? t("stages.system"), at: formatDateTime(e.createdAt) })}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
    </div>
  );
};
