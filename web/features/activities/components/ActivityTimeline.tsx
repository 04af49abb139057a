import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityKind, ActivitySubjectType, TimelineItem } from "../../../../common/activity.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import { formatDateTime } from "../../../lib/format";
import { useTimeline } from "../api/activities.api";
import { dateSpan, KindTag, LinkTags, ourPeople, theirPeople } from "./ActivityBits";
import { ActivityDrawer, type Editing } from "./ActivityDrawer";
import type { ActivityPrefill } from "./activityValues";

const dot: Record<ActivityKind, string> = {
  follow_up: "blue",
  reception: "gold",
  trip: "cyan",
  event: "purple",
};

interface Props {
  subjectType: ActivitySubjectType;
  subjectId: string;
  /** whether the user may add to the record (and holds activity.write) */
  writable: boolean;
  /** what a new activity starts with: this record linked, filed where it is */
  prefill: ActivityPrefill;
}

const Entry = ({ a, onOpen, self }: { a: TimelineItem; onOpen: () => void; self: string }) => {
  const { t } = useTranslation("activities");
  const ours = ourPeople(a);
  const theirs = theirPeople(a);
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{dateSpan(a)}</Typography.Text>
        <KindTag a={a} />
        {a.role === "lead" && <Tag color="green">{t("timeline.lead")}</Tag>}
        <Typography.Link onClick={onOpen}>{a.title}</Typography.Link>
        {(a.city || a.place) && (
          <Typography.Text type="secondary">{[a.city, a.place].filter(Boolean).join(" · ")}</Typography.Text>
        )}
      </Flex>
      {a.summary && <Typography.Paragraph style={{ margin: 0 }}>{a.summary}</Typography.Paragraph>}
      {a.outcome && (
        <Typography.Text>
          <Typography.Text type="secondary">{t("field.outcome")}：</Typography.Text>
          {a.outcome}
        </Typography.Text>
      )}
      {(ours.length > 0 || theirs.length > 0) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            ours.length ? t("timeline.went", { names: ours.join("、") }) : null,
            theirs.length ? t("timeline.met", { names: theirs.join("、") }) : null,
          ]
            .filter(Boolean)
            .join("　")}
        </Typography.Text>
      )}
      <LinkTags links={a.links} max={6} except={self} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("timeline.by", { name: a.createdByName ?? "—" })} · {formatDateTime(a.createdAt)}
      </Typography.Text>
    </Flex>
  );
};

/**
 * A record's 招商活动: every follow-up, reception, trip and event linked to it, newest first, and
 * "记录跟进" prefilled with the record.
 */
export const ActivityTimeline = ({ subjectType, subjectId, writable, prefill }: Props) => {
  const { t } = useTranslation("activities");
  const canWrite = usePermission("activity.write") && writable;
  const { data, isLoading, error, refetch } = useTimeline(subjectType, subjectId);
  const [editing, setEditing] = useState<Editing>(null);
  if (isLoading) return <Skeleton active />;
  const items = data ?? [];
  const add = canWrite ? (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setEditing({ id: null, prefill: { kind: "follow_up", ...prefill } })}
    >
      {t("timeline.add")}
    </Button>
  ) : null;
  return (
    <div data-testid="activity-timeline" style={{ maxWidth: 860 }}>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {items.length > 0 && add && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          {add}
        </Flex>
      )}
      {items.length === 0 && !error ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("timeline.empty")}>
          <Typography.Paragraph type="secondary">{t("timeline.emptyHint")}</Typography.Paragraph>
          {add}
        </Empty>
      ) : (
        <Timeline
          items={items.map((a) => ({
            key: a.id,
            color: a.role === "lead" ? "green" : dot[a.kind],
            content: (
              <Entry
                a={a}
                self={subjectId}
                onOpen={() => setEditing({ id: a.id, readOnly: !a.editable, row: a })}
              />
            ),
          }))}
        />
      )}
      <ActivityDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
};
