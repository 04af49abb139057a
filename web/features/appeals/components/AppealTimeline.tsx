import { Empty, Flex, Rate, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AppealEvent, AppealEventKind } from "../../../../common/appeal.schema";
import { formatDate, formatDateTime } from "../../../lib/format";

const eventColor: Record<AppealEventKind, string> = {
  raised: "gray",
  routed: "blue",
  accepted: "blue",
  transferred: "orange",
  replied: "blue",
  resolved: "green",
  confirmed: "green",
  reopened: "red",
  escalated: "red",
};

const EventLine = ({ e }: { e: AppealEvent }) => {
  const { t } = useTranslation("appeals");
  const where =
    e.kind === "transferred" && e.fromDepartmentName === e.departmentName
      ? t("detail.newDeadline")
      : e.kind === "transferred" && e.fromDepartmentName
        ? t("detail.from", { from: e.fromDepartmentName, to: e.departmentName })
        : e.kind === "routed" || e.kind === "transferred"
          ? e.departmentName
          : null;
  return (
    <Flex vertical gap={2}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t(`event.${e.kind}`)}</Typography.Text>
        {where && <Typography.Text>{where}</Typography.Text>}
        {e.dueOn && (
          <Typography.Text type="secondary">{t("detail.due", { due: formatDate(e.dueOn) })}</Typography.Text>
        )}
        {e.rating !== null && (
          <span role="img" aria-label={t("field.ratingValue", { n: e.rating })}>
            <Rate disabled value={e.rating} style={{ fontSize: 12 }} />
          </span>
        )}
      </Flex>
      {e.text && <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{e.text}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.actorName ?? t("detail.system")} · {formatDateTime(e.at)}
      </Typography.Text>
    </Flex>
  );
};

/** What happened to the appeal, oldest first, each step with who and when. */
export const AppealTimeline = ({ events }: { events: AppealEvent[] }) => {
  const { t } = useTranslation("appeals");
  if (events.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.noEvents")} />;
  }
  return (
    <Timeline
      data-testid="appeal-timeline"
      items={events.map((e) => ({ key: e.id, color: eventColor[e.kind], content: <EventLine e={e} /> }))}
    />
  );
};
