import { Badge, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  type ManualTag,
  type ProjectRow,
  type ProjectStage,
  sizeTiers,
} from "../../../../common/project.schema";
import { formatDate } from "../../../lib/format";

const stageColor: Record<ProjectStage, string> = {
  lead: "default",
  negotiating: "cyan",
  assessing: "geekblue",
  signed: "blue",
  registered: "blue",
  land: "purple",
  construction: "orange",
  completed: "gold",
  production: "green",
  full_production: "green",
  stopped: "red",
};

/** A stage as a coloured tag, with the day the project entered it when asked. */
export const StageTag = ({ stage, on }: { stage: ProjectStage; on?: string | null }) => {
  const { t } = useTranslation("projects");
  return (
    <Flex vertical gap={2} align="flex-start">
      <Tag color={stageColor[stage]} style={{ marginInlineEnd: 0 }}>
        {t(`stage.${stage}`)}
      </Tag>
      {on && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDate(on)}
        </Typography.Text>
      )}
    </Flex>
  );
};

/** The count of overdue nodes as a red badge; nothing when none is overdue. */
export const OverdueBadge = ({ n }: { n: number }) => {
  const { t } = useTranslation("projects");
  if (n <= 0) return null;
  return <Badge count={n} color="red" title={t("field.overdueTitle", { n })} overflowCount={99} />;
};

const tagColor: Record<ManualTag, string> = { provincial_major: "red", fortune500: "gold", foreign: "cyan" };

/** Size tags (from the investment) and the tags people set: 列省重大, 世界500强, 外资. */
export const ProjectTags = ({ p }: { p: Pick<ProjectRow, "sizeTags" | "manualTags"> }) => {
  const { t } = useTranslation("projects");
  if (p.sizeTags.length === 0 && p.manualTags.length === 0) return null;
  // Only the largest size tier says anything: 50亿元以上 implies the others.
  const size = p.sizeTags[p.sizeTags.length - 1];
  const tier = sizeTiers.find((x) => x.label === size)?.key;
  return (
    <Flex gap={4} wrap>
      {size && (
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {tier ? t(`tier.${tier}`) : size}
        </Tag>
      )}
      {p.manualTags.map((x) => (
        <Tag key={x} color={tagColor[x]} style={{ marginInlineEnd: 0 }}>
          {t(`tag.${x}`)}
        </Tag>
      ))}
    </Flex>
  );
};

/** Working days past due in red, days left in grey, nothing for a node that is done. */
export const LateText = ({ late }: { late: number | null }) => {
  const { t } = useTranslation("projects");
  if (late === null) return null;
  if (late > 0) return <Typography.Text type="danger">{t("nodes.lateBy", { n: late })}</Typography.Text>;
  if (late === 0) return <Typography.Text type="warning">{t("nodes.dueToday")}</Typography.Text>;
  return <Typography.Text type="secondary">{t("nodes.left", { n: -late })}</Typography.Text>;
};

export const Blank = () => <Typography.Text type="secondary">—</Typography.Text>;
