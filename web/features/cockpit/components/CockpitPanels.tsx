import { Empty, Progress, Tag } from "antd";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AlertGroup, Block, CockpitAlerts, KeyFigure } from "../../../../common/cockpit.schema";
import type { GoalRow } from "../../../../common/kpi.schema";
import { dark } from "../charts/cockpit.chart";
import { figureText, pct } from "../format";

/** One framed panel of the wall screen: a title, its content, or the block's empty state. */
export function Panel<T>(p: {
  title: string;
  block: Block<T> | undefined;
  emptyText: string;
  extra?: ReactNode;
  style?: CSSProperties;
  testId: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation("cockpit");
  const b = p.block;
  return (
    <section
      data-testid={p.testId}
      style={{
        background: "linear-gradient(180deg, rgba(22,52,102,.55), rgba(10,28,60,.55))",
        border: `1px solid ${dark.line}`,
        borderRadius: 8,
        padding: "10px 14px",
        display: "flex",
        flexDirection: "column",
        minHeight: 0,
        minWidth: 0,
        ...p.style,
      }}
    >
      <header style={{ display: "flex", alignItems: "baseline", gap: 12, marginBottom: 6 }}>
        <h2
          style={{
            margin: 0,
            fontSize: "1.15em",
            color: dark.accent,
            letterSpacing: 2,
            whiteSpace: "nowrap",
          }}
        >
          {p.title}
        </h2>
        <div style={{ color: dark.dim, fontSize: ".85em", overflow: "hidden", textOverflow: "ellipsis" }}>
          {b?.status === "ok" ? p.extra : null}
        </div>
      </header>
      <div style={{ flex: 1, minHeight: 0, position: "relative" }}>
        {!b ? null : b.status === "ok" ? (
          p.children(b.data)
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <span style={{ color: dark.dim, fontSize: "1em" }}>
                {b.status === "forbidden" ? t("forbidden") : p.emptyText}
              </span>
            }
          />
        )}
      </div>
    </section>
  );
}

/** The strip of key figures: big numbers, and the goal's progress where one is set. */
export const FigureStrip = ({ figures }: { figures: KeyFigure[] }) => {
  const { t } = useTranslation("cockpit");
  return (
    <div
      style={{
        display: "grid",
        gridTemplateColumns: `repeat(${figures.length}, minmax(0, 1fr))`,
        gap: 10,
        height: "100%",
      }}
    >
      {figures.map((f) => {
        const v = figureText(f, t("unitYi"));
        return (
          <Link
            key={f.key}
            to={f.link ?? "#"}
            data-testid="cockpit-figure"
            style={{
              display: "flex",
              flexDirection: "column",
              justifyContent: "center",
              padding: "4px 10px",
              borderRadius: 6,
              background: "rgba(64,150,255,.10)",
              color: dark.text,
              minWidth: 0,
            }}
          >
            <span style={{ color: dark.dim, fontSize: ".95em", whiteSpace: "nowrap" }}>
              {t(`figure.${f.key}`, { defaultValue: f.label })}
            </span>
            <span style={{ whiteSpace: "nowrap" }}>
              {v ? (
                <>
                  <b style={{ fontSize: "2.2em", color: "#fff", fontVariantNumeric: "tabular-nums" }}>
                    {v.value}
                  </b>
                  <span style={{ marginLeft: 4, color: dark.dim }}>{v.unit}</span>
                </>
              ) : (
                <span style={{ fontSize: "1.4em", color: dark.dim }}>{t("noData")}</span>
              )}
            </span>
            {f.goal && (
              <span style={{ fontSize: ".85em", color: dark.dim }}>
                {t("goal", { target: f.goal.target.toLocaleString("zh-CN") })} ·{" "}
                {t("progress", { pct: pct(f.goal.progress) ?? t("na") })}
              </span>
            )}
          </Link>
        );
      })}
    </div>
  );
};

/** Goals of the year: progress against the goal and against the calendar (序时). */
export const GoalList = ({ goals }: { goals: GoalRow[] }) => {
  const { t } = useTranslation("cockpit");
  return (
    <div style={{ height: "100%", overflow: "auto", display: "flex", flexDirection: "column", gap: 8 }}>
      {goals.map((g) => {
        const done = g.progress === null ? null : Math.min(100, Math.round(g.progress * 1000) / 10);
        const ahead = g.timeAdjusted !== null && g.timeAdjusted >= 1;
        return (
          <div key={g.id} data-testid="cockpit-goal">
            <div style={{ display: "flex", justifyContent: "space-between", gap: 8, color: dark.text }}>
              <span style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
                {g.unitName} · {g.indicatorName}
              </span>
              <span style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                {g.actual === null
                  ? t("noData")
                  : g.actual.toLocaleString("zh-CN", { maximumFractionDigits: 1 })}{" "}
                / {g.target.toLocaleString("zh-CN")} {g.indicatorUnit}
              </span>
            </div>
            <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
              <Progress
                percent={done ?? 0}
                showInfo={false}
                strokeColor={ahead ? dark.strong : dark.gold}
                railColor={dark.line}
                style={{ flex: 1, margin: 0 }}
              />
              <span style={{ color: dark.text, width: "4.5em", textAlign: "right" }}>
                {pct(g.progress) ?? t("na")}
              </span>
              {g.timeAdjusted === null ? null : (
                <Tag color={ahead ? "green" : "red"} style={{ margin: 0 }}>
                  {ahead ? t("ahead") : t("behind")}
                </Tag>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
};

const Group = ({ label, g }: { label: string; g: AlertGroup | null }) =>
  g ? (
    <Link to={g.link} data-testid="cockpit-alert" style={{ textAlign: "center", color: dark.text }}>
      <div style={{ fontSize: "2.2em", fontWeight: 700, color: g.total > 0 ? dark.missing : dark.strong }}>
        {g.total}
      </div>
      <div style={{ color: dark.dim }}>{label}</div>
    </Link>
  ) : null;

/** Overdue nodes, problems and appeals: three counts, then the most overdue few. */
export const AlertsView = ({ a }: { a: CockpitAlerts }) => {
  const { t } = useTranslation("cockpit");
  const items = [...(a.nodes?.items ?? []), ...(a.problems?.items ?? []), ...(a.appeals?.items ?? [])]
    .sort((x, y) => (y.lateWorkdays ?? 0) - (x.lateWorkdays ?? 0))
    .slice(0, 8);
  return (
    <div style={{ display: "flex", gap: 16, height: "100%" }}>
      <div style={{ display: "grid", gridTemplateRows: "repeat(3, 1fr)", minWidth: "7em" }}>
        <Group label={t("alerts.nodes")} g={a.nodes} />
        <Group label={t("alerts.problems")} g={a.problems} />
        <Group label={t("alerts.appeals")} g={a.appeals} />
      </div>
      <ul style={{ listStyle: "none", margin: 0, padding: 0, flex: 1, overflow: "auto", minWidth: 0 }}>
        {items.map((i) => (
          <li key={i.id} style={{ padding: "4px 0", borderBottom: `1px dashed ${dark.line}` }}>
            <Link
              to={i.link}
              style={{ color: dark.text, display: "flex", justifyContent: "space-between", gap: 8 }}
            >
              <span style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
                {i.subject ? `${i.subject} · ` : ""}
                {i.title}
              </span>
              <span style={{ color: dark.missing, whiteSpace: "nowrap" }}>
                {i.lateWorkdays !== null && i.lateWorkdays > 0
                  ? t("late", { n: i.lateWorkdays })
                  : t("dueOn", { day: i.dueOn ?? "" })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
};
