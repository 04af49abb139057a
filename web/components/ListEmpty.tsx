import { Button, Empty } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  /** Filters are on: say nothing matched, and offer to clear them. */
  filtered: boolean;
  onClear: () => void;
  /** e.g. "还没有园区" */
  emptyText: string;
  /** e.g. a "新建园区" button, when the user may create */
  action?: ReactNode;
}

export const ListEmpty = ({ filtered, onClear, emptyText, action }: Props) => {
  const { t } = useTranslation();
  return filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("state.noMatch")}>
      <Button onClick={onClear}>{t("state.clearFilters")}</Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText}>
      {action}
    </Empty>
  );
};
