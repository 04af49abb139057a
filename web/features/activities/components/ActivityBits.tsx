import { Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ActivityKind, ActivityLink, ActivityRow } from "../../../../common/activity.schema";
import { formatDate } from "../../../lib/format";

const kindColor: Record<ActivityKind, string> = {
  follow_up: "blue",
  reception: "gold",
  trip: "cyan",
  event: "purple",
};

/** The kind as a coloured tag: 跟进 with how it was made, an event by what it was (推介会, 赛会 …). */
export const KindTag = ({ a }: { a: Pick<ActivityRow, "kind" | "mode" | "eventType"> }) => {
  const { t } = useTranslation("activities");
  const text =
    a.kind === "follow_up" && a.mode
      ? `${t("kind.follow_up")} · ${t(`mode.${a.mode}`)}`
      : a.kind === "event" && a.eventType
        ? t(`eventType.${a.eventType}`)
        : t(`kind.${a.kind}`);
  return (
    <Tag color={kindColor[a.kind]} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
};

/** 2026-05-01, or 2026-05-01 至 05-03 for several days. */
export const dateSpan = (a: Pick<ActivityRow, "heldOn" | "endOn">): string => {
  if (!a.endOn || a.endOn === a.heldOn) return formatDate(a.heldOn);
  const sameYear = a.endOn.slice(0, 4) === a.heldOn.slice(0, 4);
  return `${formatDate(a.heldOn)} ~ ${sameYear ? a.endOn.slice(5) : formatDate(a.endOn)}`;
};

/** Everyone on our side: colleagues with an account, then the others. */
export const ourPeople = (a: Pick<ActivityRow, "ourUsers" | "ourNames">): string[] => [
  ...a.ourUsers.map((u) => u.name),
  ...a.ourNames,
];

/** The people met as 陈总（晶睿电子 董事长）. */
export const theirPeople = (a: Pick<ActivityRow, "theirPeople">): string[] =>
  a.theirPeople.map((p) => {
    const extra = [p.organisation, p.title].filter(Boolean).join(" ");
    return extra ? `${p.name}（${extra}）` : p.name;
  });

/** Linked records as tags, leads marked; a project or firm opens its page. */
export const LinkTags = ({
  links: all,
  max = 4,
  except,
}: {
  links: readonly ActivityLink[];
  max?: number;
  /** the record whose page shows the list: no need to name it again */
  except?: string;
}) => {
  const { t } = useTranslation("activities");
  const links = except ? all.filter((l) => l.subjectId !== except) : all;
  if (links.length === 0) return null;
  const href = (l: ActivityLink) =>
    l.subjectType === "project"
      ? `/projects/${l.subjectId}`
      : l.subjectType === "enterprise"
        ? `/enterprises/${l.subjectId}`
        : null;
  return (
    <Flex gap={4} wrap>
      {links.slice(0, max).map((l) => {
        const to = href(l);
        const text = l.role === "lead" ? `${t("role.lead")}：${l.label}` : l.label;
        return (
          <Tag key={`${l.subjectType}:${l.subjectId}`} color={l.role === "lead" ? "green" : undefined}>
            {to ? <Link to={to}>{text}</Link> : text}
          </Tag>
        );
      })}
      {links.length > max && <Typography.Text type="secondary">+{links.length - max}</Typography.Text>}
    </Flex>
  );
};
