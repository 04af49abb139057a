import { Empty, Flex, Skeleton, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { AuditTrailProps } from "../../../lib/extensions";
import { formatDateTimeSec } from "../../../lib/format";
import { useSubjectTrail } from "../api/audit.api";
import { ActionTag } from "./ActionTag";
import { AuditDiff } from "./AuditDiff";
import { actionVerb } from "./diff";

const dot: Record<string, string> = { create: "green", update: "blue", delete: "red" };

/** One record's history, newest first, each change with its fields. */
export const AuditTrail = ({ subjectType, subjectId }: AuditTrailProps) => {
  const { t } = useTranslation("audit");
  const { data, isLoading, error, refetch } = useSubjectTrail(subjectType, subjectId);
  if (isLoading) return <Skeleton active />;
  if (error) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;
  const items = data?.items ?? [];
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("trail.empty")} />;
  return (
    <div data-testid="audit-trail">
      <Timeline
        items={items.map((e) => ({
          key: e.id,
          color: dot[actionVerb(e.action)] ?? "gray",
          content: (
            <Flex vertical gap={8}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text type="secondary">{formatDateTimeSec(e.at)}</Typography.Text>
                <Typography.Text strong>{e.actorName ?? t("list.system")}</Typography.Text>
                <ActionTag action={e.action} subjectType={e.subjectType} />
              </Flex>
              <AuditDiff entry={e} />
            </Flex>
          ),
        }))}
      />
      {data && data.total > items.length && (
        <Typography.Text type="secondary">{t("trail.more", { n: items.length })}</Typography.Text>
      )}
    </div>
  );
};
