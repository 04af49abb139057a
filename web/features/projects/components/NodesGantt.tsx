import { Empty, Flex, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectNode } from "../../../../common/project.schema";
import { EChart } from "../../../components/EChart";
import "../charts/register-gantt";
import { type GanttState, ganttColors, ganttOption, ganttState } from "../charts/gantt.chart";

const states: GanttState[] = ["done", "doneLate", "late", "open", "waived"];

/** The key nodes as a timeline from the signing day, with a legend of the colours. */
export const NodesGantt = ({ nodes, signedOn }: { nodes: ProjectNode[]; signedOn: string | null }) => {
  const { t, i18n } = useTranslation("projects");
  const dated = useMemo(
    () =>
      nodes
        .filter((n): n is ProjectNode & { dueOn: string } => Boolean(n.dueOn))
        .map((n) => ({
          name: `${n.seq}. ${n.name}`,
          dueOn: n.dueOn,
          doneOn: n.doneOn,
          state: ganttState(n),
        })),
    [nodes],
  );
  const option = useMemo(
    () =>
      signedOn
        ? ganttOption(dated, signedOn, dayjs().format("YYYY-MM-DD"), {
            today: t("gantt.today"),
            signed: t("gantt.signed"),
            due: t("gantt.due"),
            done: t("gantt.done"),
            states: Object.fromEntries(states.map((s) => [s, t(`gantt.state.${s}`)])) as Record<
              GanttState,
              string
            >,
            axis:
              i18n.language === "en"
                ? { year: "{yyyy}", month: "{MMM}", day: "{M}/{d}" }
                : { year: "{yyyy}年", month: "{M}月", day: "{M}月{d}日" },
          })
        : null,
    [dated, signedOn, t, i18n.language],
  );
  if (!option || dated.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("gantt.noSign")} />;
  return (
    <>
      <Flex gap={16} wrap style={{ marginBottom: 8 }} aria-hidden>
        {states.map((s) => (
          <Flex key={s} gap={6} align="center">
            <span
              style={{
                width: 14,
                height: 10,
                borderRadius: 2,
                background: ganttColors[s],
                display: "inline-block",
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`gantt.state.${s}`)}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
      <EChart option={option} height={Math.max(160, dated.length * 40 + 48)} label={t("gantt.label")} />
    </>
  );
};
