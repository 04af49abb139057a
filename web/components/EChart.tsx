import { type EChartsCoreOption, type EChartsType, init } from "echarts/core";
import { useEffect, useRef } from "react";

interface Props {
  /** A pure option builder's result; the chart redraws when it changes. */
  option: EChartsCoreOption;
  height?: number;
  /** What the chart shows, for screen readers (the canvas says nothing). */
  label: string;
}

/**
 * One ECharts canvas. Only `echarts/core` is imported here: each feature
 * registers the charts and components it draws (`use([...])`) in its own
 * `charts/` module, so a page bundles only what it needs.
 */
export const EChart = ({ option, height = 320, label }: Props) => {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: "canvas" });
    chart.current = c;
    // Follow the container (drawer, tab or window resize), not only the window.
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: "100%", height }} />;
};
