import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type {
  MeetingKind,
  ProblemCategory,
  ProblemRow,
  ProblemStatus,
} from "../../../../common/problem.schema";
import { DueCell as SharedDueCell } from "../../../components/DueCell";

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

/** The due day (red when overdue) above its lateness; 未交办 until a department holds it. */
export const DueCell = ({ p }: { p: Pick<ProblemRow, "dueOn" | "lateWorkdays" | "deadlineWorkdays"> }) => {
  const { t } = useTranslation("problems");
  return <SharedDueCell dueOn={p.dueOn} lateWorkdays={p.lateWorkdays} none={t("list.unassigned")} />;
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
