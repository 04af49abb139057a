import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined } from "@ant-design/icons";
import { Button, ConfigProvider, Result, Select, Spin, theme } from "antd";
import dayjs from "dayjs";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { CockpitMap } from "../../../../common/cockpit.schema";
import { EChart } from "../../../components/EChart";
import { useExtensions } from "../../../lib/extensions";
import { useCockpit } from "../api/cockpit.api";
import "../charts/register";
import { chainsOption, dark, pipelineOption, rankingOption } from "../charts/cockpit.chart";
import { amountText } from "../format";
import { AlertsView, FigureStrip, GoalList, Panel } from "./CockpitPanels";

/** The window's size: the wall screen lays itself out for 1920×1080 and shrinks to 1366×768. */
function useViewport() {
  const [size, setSize] = useState({ w: window.innerWidth, h: window.innerHeight });
  useEffect(() => {
    const on = () => setSize({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener("resize", on);
    return () => window.removeEventListener("resize", on);
  }, []);
  return size;
}

function useFullscreen() {
  const [on, setOn] = useState(Boolean(document.fullscreenElement));
  useEffect(() => {
    const f = () => setOn(Boolean(document.fullscreenElement));
    document.addEventListener("fullscreenchange", f);
    return () => document.removeEventListener("fullscreenchange", f);
  }, []);
  const toggle = () =>
    document.fullscreenElement
      ? void document.exitFullscreen()
      : void document.documentElement.requestFullscreen?.().catch(() => undefined);
  return { on, toggle };
}

interface Props {
  /** the map, lent by the sites feature and composed in web/app */
  renderMap: (map: CockpitMap, height: number) => ReactNode;
}

const HEADER = 64;
const GAP = 12;

/**
 * 领导驾驶舱: a full-screen dark page without the side menu, one read of `/api/cockpit` refreshed
 * every minute; each panel shows its block or says why it is empty.
 */
export const CockpitPage = ({ renderMap }: Props) => {
  const { t } = useTranslation("cockpit");
  const { t: te } = useTranslation("enums");
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get("year")) || thisYear;
  const regionId = params.get("regionId") ?? undefined;
  const q = useCockpit({ regionId, year });
  const { RegionPicker } = useExtensions();
  const { w, h } = useViewport();
  const fs = useFullscreen();
  // Type scales with the screen: 16 px at 1920 wide, never below 12.
  const font = Math.max(12, Math.min(22, Math.round((w / 1920) * 16)));
  // The figures panel, then two rows of panels share what is left of the window's height.
  const figuresH = Math.round(font * 8.6);
  const rowH = Math.max(220, Math.floor((h - HEADER - figuresH - GAP * 5) / 2));
  // A panel's content: its height less the padding, the border and the title line.
  const chartH = rowH - 22 - Math.round(font * 2);
  const units = useMemo(() => ({ wan: t("unitWan"), yi: t("unitYi") }), [t]);
  const c = q.data;

  const pipeline = useMemo(
    () =>
      c?.pipeline.status === "ok"
        ? pipelineOption(
            c.pipeline.data,
            (s) => te(`projectStage.${s}`),
            (f) => amountText(f, units),
            font,
          )
        : null,
    [c?.pipeline, te, font, units],
  );
  const ranking = useMemo(
    () => (c?.ranking.status === "ok" ? rankingOption(c.ranking.data, font) : null),
    [c?.ranking, font],
  );
  const chains = useMemo(
    () =>
      c?.chains.status === "ok"
        ? chainsOption(
            c.chains.data,
            { strong: t("strong"), weak: t("weak"), missing: t("missing") },
            font - 1,
          )
        : null,
    [c?.chains, t, font],
  );

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { fontSize: font } }}>
      <div
        data-testid="cockpit"
        style={{
          position: "fixed",
          inset: 0,
          overflow: "auto",
          background: "radial-gradient(ellipse at top, #0f2a56 0%, #071326 70%)",
          color: dark.text,
          fontSize: font,
          padding: `0 ${GAP}px ${GAP}px`,
          display: "flex",
          flexDirection: "column",
          gap: GAP,
        }}
      >
        <header style={{ height: HEADER, display: "flex", alignItems: "center", gap: 16, flexShrink: 0 }}>
          <h1 style={{ margin: 0, fontSize: "2em", letterSpacing: 6, color: "#fff", whiteSpace: "nowrap" }}>
            {t("title")}
          </h1>
          {c && (
            <span style={{ color: dark.dim, whiteSpace: "nowrap" }} data-testid="cockpit-scope">
              {t("scope", { scope: c.scopeLabel })}
            </span>
          )}
          <RegionPicker
            value={regionId ?? null}
            onChange={(id) => {
              const next = new URLSearchParams(params);
              if (id) next.set("regionId", id);
              else next.delete("regionId");
              setParams(next, { replace: true });
            }}
            allowClear
            placeholder={t("regionPick")}
            style={{ width: "13em" }}
          />
          <Select
            aria-label={t("year")}
            value={year}
            onChange={(y) => {
              const next = new URLSearchParams(params);
              next.set("year", String(y));
              setParams(next, { replace: true });
            }}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: y,
              label: t("yearOf", { year: y }),
            }))}
            style={{ width: "7em" }}
          />
          <span style={{ flex: 1 }} />
          <span style={{ color: dark.dim, whiteSpace: "nowrap" }} data-testid="cockpit-updated">
            {q.isFetching && !q.isLoading
              ? t("refreshing")
              : c
                ? // When the server computed it (a scope's answer serves every screen for a while).
                  t("updated", { at: dayjs(c.generatedAt).format("HH:mm:ss") })
                : ""}
          </span>
          <Button
            icon={fs.on ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={fs.toggle}
            aria-label={fs.on ? t("exitFullscreen") : t("fullscreen")}
          >
            {fs.on ? t("exitFullscreen") : t("fullscreen")}
          </Button>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/")}>
            {t("leave")}
          </Button>
        </header>

        {q.isLoading ? (
          <Spin size="large" style={{ marginTop: 120 }} />
        ) : q.error || !c ? (
          <Result
            status="error"
            title={<span style={{ color: "#fff" }}>{t("loadFailed")}</span>}
            subTitle={q.error instanceof Error ? q.error.message : undefined}
            extra={<Button onClick={() => void q.refetch()}>{t("retry")}</Button>}
          />
        ) : (
          <>
            <Panel
              testId="cockpit-figures"
              title={`${t("panel.figures")} · ${t("yearOf", { year: c.year })}`}
              block={c.figures}
              emptyText={t("empty.figures")}
              style={{ height: figuresH, flexShrink: 0 }}
            >
              {(figures) => <FigureStrip figures={figures} />}
            </Panel>
            <div
              style={{
                display: "grid",
                gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.25fr) minmax(0, 1fr)",
                gridTemplateRows: `${rowH}px ${rowH}px`,
                gap: GAP,
              }}
            >
              <Panel
                testId="cockpit-pipeline"
                title={t("panel.pipeline")}
                block={c.pipeline}
                emptyText={t("empty.pipeline")}
                extra={
                  c.pipeline.status === "ok" &&
                  t("totalProjects", {
                    n: c.pipeline.data.total,
                    amount: amountText(c.pipeline.data.investmentFen, units),
                  })
                }
              >
                {() => pipeline && <EChart option={pipeline} height={chartH} label={t("pipelineChart")} />}
              </Panel>
              <Panel
                testId="cockpit-map"
                title={t("panel.map")}
                block={c.map}
                emptyText={t("empty.map")}
                extra={c.map.status === "ok" && t("sites", { n: c.map.data.sites.features.length })}
              >
                {(m) => renderMap(m, chartH)}
              </Panel>
              <Panel
                testId="cockpit-ranking"
                title={t("panel.ranking")}
                block={c.ranking}
                emptyText={t("empty.ranking")}
                extra={
                  c.ranking.status === "ok" &&
                  t("rankingOf", { scheme: c.ranking.data.schemeName, period: c.ranking.data.periodLabel })
                }
              >
                {() => ranking && <EChart option={ranking} height={chartH} label={t("rankingChart")} />}
              </Panel>
              <Panel
                testId="cockpit-goals"
                title={t("panel.goals")}
                block={c.goals}
                emptyText={t("empty.goals")}
              >
                {(goals) => <GoalList goals={goals} />}
              </Panel>
              <Panel
                testId="cockpit-alerts"
                title={t("panel.alerts")}
                block={c.alerts}
                emptyText={t("empty.alerts")}
              >
                {(a) => <AlertsView a={a} />}
              </Panel>
              <Panel
                testId="cockpit-chains"
                title={t("panel.chains")}
                block={c.chains}
                emptyText={t("empty.chains")}
              >
                {() => chains && <EChart option={chains} height={chartH} label={t("chainsChart")} />}
              </Panel>
            </div>
          </>
        )}
      </div>
    </ConfigProvider>
  );
};
