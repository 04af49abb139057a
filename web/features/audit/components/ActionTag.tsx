import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { actionVerb } from "./diff";

const colors: Record<string, string> = {
  create: "green",
  update: "blue",
  delete: "red",
  login_failed: "orange",
  lockout: "orange",
  lock: "orange",
  export: "purple",
  download: "purple",
};

/**
 * The action as a word ("新建"), keeping the raw code as a tooltip. A feature may word a verb
 * for its own subject (`action.appeal.reply` 答复诉求) over the shared one (`action.reply`).
 */
export const ActionTag = ({ action, subjectType }: { action: string; subjectType?: string | null }) => {
  const { t } = useTranslation("audit");
  const verb = actionVerb(action);
  const keys = subjectType ? [`action.${subjectType}.${verb}`, `action.${verb}`] : [`action.${verb}`];
  return (
    <Tag color={colors[verb] ?? "default"} title={action}>
      {t(keys, { defaultValue: action })}
    </Tag>
  );
};
