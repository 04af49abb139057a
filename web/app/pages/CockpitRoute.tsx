import { Flex, Spin } from "antd";
import { lazy, Suspense } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import type { CockpitMap } from "../../../common/cockpit.schema";
import { siteStatusColors, siteStatusLabels } from "../../../common/site.schema";
import { CockpitPage } from "../../features/cockpit/components/CockpitPage";
import { useMe } from "../../features/session";
import { isApiError } from "../../lib/api";
import { CurrentUserProvider } from "../../lib/current-user";
import { ForbiddenPage } from "./StatusPages";

// MapLibre loads with the cockpit's map only; the sites feature lends its offline map.
const SiteMap = lazy(() =>
  import("../../features/sites/components/SiteMap").then((m) => ({ default: m.SiteMap })),
);
const noop = () => undefined;

/** The cockpit's map: the sites feature's MapLibre map with no base map (offline), and a legend. */
const CockpitMapView = ({ map, height }: { map: CockpitMap; height: number }) => {
  const navigate = useNavigate();
  return (
    <div style={{ height, position: "relative", borderRadius: 6, overflow: "hidden" }}>
      <Suspense fallback={<Spin />}>
        <SiteMap
          data={map.sites}
          parks={map.parks}
          colorBy="status"
          baseUrl={null}
          onBounds={noop}
          onOpen={() => navigate("/sites/map")}
        />
      </Suspense>
      <div
        style={{
          position: "absolute",
          left: 8,
          top: 8,
          background: "rgba(7,19,38,.8)",
          color: "#d6e4ff",
          padding: "4px 8px",
          borderRadius: 4,
          fontSize: ".85em",
        }}
      >
        {Object.entries(map.byStatus).map(([s, n]) => (
          <div key={s}>
            <span
              style={{
                display: "inline-block",
                width: 10,
                height: 10,
                marginRight: 6,
                background: siteStatusColors[s as keyof typeof siteStatusColors] ?? "#999",
              }}
            />
            {siteStatusLabels[s as keyof typeof siteStatusLabels] ?? s} {n}
          </div>
        ))}
      </div>
    </div>
  );
};

/**
 * `/cockpit` stands outside the main layout (no side menu, the whole screen), so it signs the
 * user in and checks `cockpit.read` itself.
 */
export const CockpitRoute = () => {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (!me.data) {
    if (isApiError(me.error) && me.error.status === 401) {
      return (
        <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
      );
    }
    return <ForbiddenPage />;
  }
  return (
    <CurrentUserProvider user={me.data}>
      {me.data.permissions.includes("cockpit.read") ? (
        <CockpitPage renderMap={(map, height) => <CockpitMapView map={map} height={height} />} />
      ) : (
        <ForbiddenPage />
      )}
    </CurrentUserProvider>
  );
};
