import { CameraOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Typography } from "antd";
import { getInstanceByDom } from "echarts/core";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type ChainMap, type LinkRow, segments } from "../../../../common/chain.schema";
import { EChart } from "../../../components/EChart";
import { ExportButton } from "../../../components/ExportButton";
import { useExportMap } from "../api/chains.api";
import { chainMapOption, layout, strengthColors } from "../charts/map.chart";
import "../charts/register";

const wan = (x: number) => x.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

/** The chart instance EChart made inside a box, for clicks and the picture. */
const chartIn = (box: HTMLDivElement | null) => {
  const el = box?.querySelector<HTMLDivElement>("[role=img]");
  return el ? getInstanceByDom(el) : undefined;
};

/** A link as a button coloured by strength: the map's keyboard- and test-friendly twin. */
export const LinkChip = ({ link, onOpen }: { link: LinkRow; onOpen: (id: string) => void }) => {
  const { t } = useTranslation("chains");
  const word = t(`strength.${link.strength}`);
  return (
    <Button
      size="small"
      onClick={() => onOpen(link.id)}
      style={{
        borderColor: strengthColors[link.strength],
        color: strengthColors[link.strength],
        borderStyle: link.strength === "missing" ? "dashed" : "solid",
      }}
      aria-label={`${link.name}（${word}）`}
    >
      {link.name} · {word}
    </Button>
  );
};

/** 产业链图谱: the graph, the totals, the links by segment, a picture and an Excel export. */
export const ChainMapView = ({ map, onOpen }: { map: ChainMap; onOpen: (linkId: string) => void }) => {
  const { t } = useTranslation("chains");
  const box = useRef<HTMLDivElement>(null);
  const exportMap = useExportMap(map.chain.id);
  const option = useMemo(
    () =>
      chainMapOption(map.links, {
        strength: { strong: t("strength.strong"), weak: t("strength.weak"), missing: t("strength.missing") },
        firms: t("col.firms"),
      }),
    [map.links, t],
  );
  const open = useRef(onOpen);
  open.current = onOpen;
  useEffect(() => {
    const c = chartIn(box.current);
    if (!c) return;
    const onClick = (p: { dataType?: string; data?: unknown }) => {
      const id = (p.data as { id?: string } | undefined)?.id;
      if (p.dataType === "node" && id) open.current(id);
    };
    c.on("click", onClick);
    return () => {
      c.off("click", onClick);
    };
  }, []);
  const savePicture = () => {
    const url = chartIn(box.current)?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (!url) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = `${map.chain.name}产业链图谱.png`;
    a.click();
  };
  const tt = map.totals;
  const height = useMemo(() => {
    const ys = [...layout(map.links).values()].map((p) => p.y);
    return Math.max(320, Math.min(900, Math.max(0, ...ys) * 1.2 + 160));
  }, [map.links]);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text>
          {t("chain.totals", {
            links: tt.links,
            strong: tt.strong,
            weak: tt.weak,
            missing: tt.missing,
            firms: tt.firms,
            output: wan(tt.outputWan),
            tax: wan(tt.taxWan),
          })}
        </Typography.Text>
        <Flex gap={8}>
          <Button icon={<CameraOutlined />} onClick={savePicture}>
            {t("chain.savePicture")}
          </Button>
          <ExportButton mutation={exportMap} params={undefined} />
        </Flex>
      </Flex>
      <div ref={box} style={{ border: "1px solid #f0f0f0", borderRadius: 8 }}>
        <EChart option={option} height={height} label={t("chain.graphLabel")} />
      </div>
      <Card size="small" title={t("chain.linkList")}>
        <Flex vertical gap={8}>
          {segments.map((s) => (
            <Flex key={s} gap={8} wrap align="center">
              <Typography.Text strong style={{ width: 48 }}>
                {t(`seg.${s}`)}
              </Typography.Text>
              {map.links
                .filter((l) => l.segment === s)
                .map((l) => (
                  <LinkChip key={l.id} link={l} onOpen={onOpen} />
                ))}
            </Flex>
          ))}
        </Flex>
      </Card>
    </Flex>
  );
};
