import { Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type {
  MeetingKind,
  ProblemCategory,
  ProblemRow,
  ProblemStatus,
} from "../../../../common/problem.schema";
import { formatDate } from "../../../lib/format";

const statusColor: Record<ProblemStatus, string> = {
  open: "orange",
  in_progress: "blue",
  resolved: "cyan",
  closed: "green",
};

export const StatusTag = ({ status }: { status: ProblemStatus }) => {
  const { t } = useTranslation("problems");
  return (
    <Tag color={statusColor[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
};

export const CategoryTag = ({ category }: { category: ProblemCategory }) => {
  const { t } = useTranslation("problems");
  return <Tag style={{ marginInlineEnd: 0 }}>{t(`category.${category}`)}</Tag>;
};

/** Working days past due in red, days left in grey, nothing once resolved or unassigned. */
export const LateText = ({ late }: { late: number | null }) => {
  const { t } = useTranslation("problems");
  if (late === null) return null;
  if (late > 0) return <Typography.Text type="danger">{t("late.by", { n: late })}</Typography.Text>;
  if (late === 0) return <Typography.Text type="warning">{t("late.today")}</Typography.Text>;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t("late.left", { n: -late })}
    </Typography.Text>
  );
};

/** The due day (red when overdue) above its lateness. */
export const DueCell = ({ p }: { p: Pick<ProblemRow, "dueOn" | "lateWorkdays" | "deadlineWorkdays"> }) => {
  const { t } = useTranslation("problems");
  if (!p.dueOn) return <Typography.Text type="secondary">{t("list.unassigned")}</Typography.Text>;
  const late = p.lateWorkdays !== null && p.lateWorkdays > 0;
  return (
    <Flex vertical>
      <Typography.Text type={late ? "danger" : undefined} strong={late}>
        {formatDate(p.dueOn)}
      </Typography.Text>
      <LateText late={p.lateWorkdays} />
    </Flex>
  );
};

/** Whether the signed-in user acts for the department holding a problem (or for every one). */
export const handlesFor = (
  me: { permissions: string[]; scopes: { kind: string; refId: string | null }[] },
  departmentId: string | null,
) =>
  me.permissions.includes("problem.handle") &&
  (me.scopes.some((s) => s.kind === "all") ||
    (departmentId !== null && me.scopes.some((s) => s.kind === "department" && s.refId === departmentId)));

export const kindColor: Record<MeetingKind, string> = {
  xun: "blue",
  monthly: "purple",
  topic: "cyan",
  other: "default",
};
