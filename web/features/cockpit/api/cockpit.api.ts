import { useQuery } from "@tanstack/react-query";
import type { Cockpit, Dashboard } from "../../../../common/cockpit.schema";
import { apiGet } from "../../../lib/api";

export const cockpitKey = ["cockpit"] as const;
/** The wall screen reads again every minute, also when the window is in the background. */
export const REFRESH_MS = 60_000;

/** GET /api/cockpit?regionId&year — the whole cockpit in one answer */
export const useCockpit = (query: { regionId?: string; year?: number }) =>
  useQuery({
    queryKey: [...cockpitKey, query],
    queryFn: ({ signal }) => apiGet<Cockpit>("/cockpit", query, signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });

/** GET /api/dashboard — the home page's blocks for the user's roles */
export const useDashboard = () =>
  useQuery({
    queryKey: [...cockpitKey, "dashboard"],
    queryFn: ({ signal }) => apiGet<Dashboard>("/dashboard", undefined, signal),
  });
