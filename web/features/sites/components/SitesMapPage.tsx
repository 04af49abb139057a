import { UnorderedListOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Segmented, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import {
  siteStatusColors,
  siteStatuses,
  stockCategories,
  stockCategoryColors,
} from "../../../../common/site.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useMapBase, useParkExtents, useSiteMap } from "../api/sites.api";
import { SiteDrawer } from "./SiteDrawer";
import { SiteFilters, siteFilterKeys } from "./SiteFilters";
import { type ColorBy, SiteMap } from "./SiteMap";

const Swatch = ({ color, label }: { color: string; label: string }) => (
  <Flex align="center" gap={6}>
    <span
      style={{
        width: 14,
        height: 14,
        background: color,
        opacity: 0.75,
        border: "1px solid #555",
        borderRadius: 2,
      }}
    />
    <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
  </Flex>
);

/** 可用空间图: parks and their sites on MapLibre, filtered and coloured, a click opens the site. */
export const SitesMapPage = () => {
  const { t } = useTranslation("sites");
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(siteFilterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const [bbox, setBbox] = useState<string | null>(null);
  const [colorBy, setColorBy] = useState<ColorBy>("status");
  const [open, setOpen] = useState<string | null>(null);
  const base = useMapBase();
  const parks = useParkExtents();
  const map = useSiteMap({ ...filters, bbox }, bbox !== null);
  const shownParks = useMemo(
    () => (parks.data ?? []).filter((p) => !filters.parkId || p.parkId === filters.parkId),
    [parks.data, filters.parkId],
  );
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const legend =
    colorBy === "status"
      ? siteStatuses.map((s) => <Swatch key={s} color={siteStatusColors[s]} label={t(`status.${s}`)} />)
      : [...stockCategories, "none" as const].map((s) => (
          <Swatch key={s} color={stockCategoryColors[s]} label={t(`stock.${s}`)} />
        ));

  return (
    <>
      <PageHeader
        title={t("map.title")}
        sub={t("map.sub")}
        extra={
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate(`/sites?${params.toString()}`)}>
            {t("map.list")}
          </Button>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <SiteFilters values={filters} onChange={update} search={false} />
        <Segmented<ColorBy>
          value={colorBy}
          onChange={setColorBy}
          options={[
            { value: "status", label: t("map.byStatus") },
            { value: "stock", label: t("map.byStock") },
          ]}
        />
      </Flex>
      <ApiErrorAlert error={map.error ?? parks.error} onRetry={() => void map.refetch()} />
      {!base.isLoading && !base.data && (
        <Alert type="info" showIcon title={t("map.noBase")} style={{ marginBottom: 8 }} />
      )}
      {map.data?.truncated && (
        <Alert type="warning" showIcon title={t("map.truncated")} style={{ marginBottom: 8 }} />
      )}
      <div
        style={{
          position: "relative",
          height: "calc(100vh - 260px)",
          minHeight: 420,
          border: "1px solid #e5e5e5",
        }}
      >
        {!base.isLoading && (
          <SiteMap
            key={`${base.data ?? ""}|${filters.parkId ?? ""}`}
            data={map.data}
            parks={shownParks}
            colorBy={colorBy}
            baseUrl={base.data ?? null}
            onBounds={setBbox}
            onOpen={setOpen}
          />
        )}
        <Card
          size="small"
          title={t("map.legend")}
          style={{ position: "absolute", left: 12, top: 12, width: 168 }}
        >
          <Flex vertical gap={4}>
            {legend}
            <Swatch color="rgba(22,119,255,.15)" label={t("map.parks")} />
          </Flex>
        </Card>
        {map.data && map.data.features.length === 0 && (
          <Card
            size="small"
            style={{ position: "absolute", left: "50%", top: 12, transform: "translateX(-50%)" }}
          >
            {t("map.empty")}
          </Card>
        )}
      </div>
      <SiteDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
};
