import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../lib/format";

/** Working days past due in red, days left in grey; nothing when no work is owed (null). */
export const LateText = ({ late }: { late: number | null }) => {
  const { t } = useTranslation();
  if (late === null) return null;
  if (late > 0) return <Typography.Text type="danger">{t("late.by", { n: late })}</Typography.Text>;
  if (late === 0) return <Typography.Text type="warning">{t("late.today")}</Typography.Text>;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t("late.left", { n: -late })}
    </Typography.Text>
  );
};

/** The due day (red when overdue) above its lateness; `none` in grey when there is no due day. */
export const DueCell = ({
  dueOn,
  lateWorkdays,
  none,
}: {
  dueOn: string | null;
  lateWorkdays: number | null;
  none: ReactNode;
}) => {
  if (!dueOn) return <Typography.Text type="secondary">{none}</Typography.Text>;
  const late = lateWorkdays !== null && lateWorkdays > 0;
  return (
    <Flex vertical>
      <Typography.Text type={late ? "danger" : undefined} strong={late}>
        {formatDate(dueOn)}
      </Typography.Text>
      <LateText late={lateWorkdays} />
    </Flex>
  );
};
