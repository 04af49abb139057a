import { StarFilled } from "@ant-design/icons";
import { Flex, Rate, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AppealCategory, AppealRow, AppealStatus } from "../../../../common/appeal.schema";
import { DueCell as SharedDueCell } from "../../../components/DueCell";

const statusColor: Record<AppealStatus, string> = {
  submitted: "orange",
  routed: "gold",
  accepted: "blue",
  resolved: "cyan",
  closed: "green",
};

export const StatusTag = ({ status }: { status: AppealStatus }) => {
  const { t } = useTranslation("appeals");
  return (
    <Tag color={statusColor[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
};

export const CategoryTag = ({ category }: { category: AppealCategory }) => {
  const { t } = useTranslation("appeals");
  return <Tag style={{ marginInlineEnd: 0 }}>{t(`category.${category}`)}</Tag>;
};

/** The status, and 已升级 when the region's leaders were told it is overdue. */
export const StatusCell = ({ a }: { a: Pick<AppealRow, "status" | "escalated"> }) => {
  const { t } = useTranslation("appeals");
  return (
    <Flex gap={4} wrap>
      <StatusTag status={a.status} />
      {a.escalated && <Tag color="red">{t("field.escalated")}</Tag>}
    </Flex>
  );
};

export const isLate = (a: Pick<AppealRow, "lateWorkdays">) => a.lateWorkdays !== null && a.lateWorkdays > 0;

/** The due day (red when overdue) above its lateness. */
export const DueCell = ({ a }: { a: Pick<AppealRow, "dueOn" | "lateWorkdays"> }) => {
  const { t } = useTranslation("appeals");
  return <SharedDueCell dueOn={a.dueOn} lateWorkdays={a.lateWorkdays} none={t("list.noDue")} />;
};

/** The firm's rating as stars, read-only. */
export const RatingStars = ({ rating, small = false }: { rating: number | null; small?: boolean }) => {
  const { t } = useTranslation("appeals");
  if (rating === null) return <Typography.Text type="secondary">{t("list.notRated")}</Typography.Text>;
  // In a table cell one star and the figure fit; five stars wrap.
  if (small) {
    return (
      <Typography.Text aria-label={t("field.ratingValue", { n: rating })}>
        <StarFilled style={{ color: "#fadb14", marginInlineEnd: 4 }} />
        {rating}
      </Typography.Text>
    );
  }
  return (
    <span role="img" aria-label={t("field.ratingValue", { n: rating })}>
      <Rate disabled value={rating} style={{ fontSize: small ? 12 : 16 }} />
    </span>
  );
};
