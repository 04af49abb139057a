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

/** The action as a word ("新建"), keeping the raw code as a tooltip. */
export const ActionTag = ({ action }: { action: string }) => {
  const { t } = useTranslation("audit");
  const verb = actionVerb(action);
  return (
    <Tag color={colors[verb] ?? "default"} title={action}>
      {t(`action.${verb}`, { defaultValue: action })}
    </Tag>
  );
};
