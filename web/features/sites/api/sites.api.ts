import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { PolygonGeometry } from "../../../../common/geo";
import type { Page } from "../../../../common/paging";
import type {
  AuditProgress,
  Demand,
  demandSave,
  ParkFigures,
  SiteFeatureCollection,
  SiteMatch,
  SiteRow,
  siteCreate,
  siteUpdate,
} from "../../../../common/site.schema";
import {
  apiDelete,
  apiDownload,
  apiGet,
  apiPatch,
  apiPost,
  apiRequest,
  apiUpload,
  type QueryParams,
} from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

export type SiteCreateBody = z.input<typeof siteCreate>;
export type SiteUpdateBody = z.input<typeof siteUpdate>;
export type DemandBody = z.input<typeof demandSave>;
export interface ParkExtent {
  parkId: string;
  parkName: string;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  /** its own boundary, when entered; else the map draws the box around its sites */
  outline?: PolygonGeometry | null;
  sites: number;
}
export interface HeldSite {
  id: string;
  name: string;
  status: string;
  version: number;
}

/** One root: a site's change moves the list, the map, the figures and every project's matches. */
const sitesKey = ["sites"] as const;
const keys = {
  list: (q: unknown) => [...sitesKey, "list", q] as const,
  one: (id: string) => [...sitesKey, "one", id] as const,
  map: (q: unknown) => [...sitesKey, "map", q] as const,
  parks: () => [...sitesKey, "parks"] as const,
  figures: () => [...sitesKey, "figures"] as const,
  audit: () => [...sitesKey, "audit"] as const,
  demand: (projectId: string) => [...sitesKey, "demand", projectId] as const,
  matches: (projectId: string) => [...sitesKey, "matches", projectId] as const,
};

/** GET /api/sites */
export const useSites = (query: QueryParams) =>
  useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiGet<Page<SiteRow>>("/sites", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/sites/:id */
export const useSite = (id: string | null) =>
  useQuery({
    queryKey: keys.one(id ?? ""),
    queryFn: ({ signal }) => apiGet<SiteRow>(`/sites/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

/** GET /api/sites/map — the features of a viewport, only what the map draws. */
export const useSiteMap = (query: QueryParams, enabled: boolean) =>
  useQuery({
    queryKey: keys.map(query),
    queryFn: ({ signal }) => apiGet<SiteFeatureCollection>("/sites/map", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** GET /api/sites/parks — each park's extent around its sites. */
export const useParkExtents = () =>
  useQuery({
    queryKey: keys.parks(),
    queryFn: ({ signal }) =>
      apiGet<{ items: ParkExtent[] }>("/sites/parks", undefined, signal).then((r) => r.items),
  });

/** GET /api/sites/figures */
export const useSiteFigures = () =>
  useQuery({
    queryKey: keys.figures(),
    queryFn: ({ signal }) =>
      apiGet<{ items: ParkFigures[] }>("/sites/figures", undefined, signal).then((r) => r.items),
  });

/** GET /api/sites/audit */
export const useAuditProgress = () =>
  useQuery({
    queryKey: keys.audit(),
    queryFn: ({ signal }) =>
      apiGet<{ items: AuditProgress[] }>("/sites/audit", undefined, signal).then((r) => r.items),
  });

/** GET /api/projects/:id/space-demand */
export const useDemand = (projectId: string) =>
  useQuery({
    queryKey: keys.demand(projectId),
    queryFn: ({ signal }) =>
      apiGet<{ demand: Demand | null; held: HeldSite[] }>(
        `/projects/${projectId}/space-demand`,
        undefined,
        signal,
      ),
  });

/** GET /api/projects/:id/site-matches */
export const useMatches = (projectId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.matches(projectId),
    queryFn: ({ signal }) =>
      apiGet<{ items: SiteMatch[] }>(`/projects/${projectId}/site-matches`, undefined, signal).then(
        (r) => r.items,
      ),
    enabled,
  });

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: sitesKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

export const useCreateSite = () => {
  const done = useInvalidate();
  return useMutation({ mutationFn: (b: SiteCreateBody) => apiPost<SiteRow>("/sites", b), onSuccess: done });
};
export const useUpdateSite = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SiteUpdateBody }) =>
      apiPatch<SiteRow>(`/sites/${id}`, body),
    onSuccess: done,
  });
};
export const useDeleteSite = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (s: { id: string; version: number }) => apiDelete(`/sites/${s.id}`, { version: s.version }),
    onSuccess: done,
  });
};
export const useExportSites = () =>
  useMutation({ mutationFn: (q: QueryParams) => apiDownload("/sites/export", q, "空间资源.xlsx") });

export const useImportSites = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (form: FormData) => apiUpload<{ created: number }>("/sites/import", form),
    onSuccess: done,
  });
};
export const useSaveDemand = (projectId: string) => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: DemandBody) =>
      apiRequest<Demand>(`/projects/${projectId}/space-demand`, { method: "PUT", body: b }),
    onSuccess: done,
  });
};
export const useReserve = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (v: { siteId: string; projectId: string; version: number }) =>
      apiPost<SiteRow>(`/sites/${v.siteId}/reserve`, { projectId: v.projectId, version: v.version }),
    onSuccess: done,
  });
};
export const useRelease = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (v: { siteId: string; version: number }) =>
      apiPost<SiteRow>(`/sites/${v.siteId}/release`, { version: v.version }),
    onSuccess: done,
  });
};
export const useCheckSite = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (v: { siteId: string; body: Record<string, unknown> }) =>
      apiPost<SiteRow>(`/sites/${v.siteId}/check`, v.body),
    onSuccess: done,
  });
};

/** GET /api/settings — only the base map is read here. */
export const useMapBase = () =>
  useQuery({
    queryKey: ["settings"],
    queryFn: ({ signal }) => apiGet<{ mapBaseUrl?: string | null }>("/settings", undefined, signal),
    select: (s) => s.mapBaseUrl ?? null,
  });

/** What an xlsx import's dry run warns of without refusing a row (GET /api/sites/import-warnings/:id). */
export interface SiteImportWarning {
  rowNo: number;
  name: string;
  message: string;
}
export const useSiteImportWarnings = (jobId: string | null, status: string | undefined) =>
  useQuery({
    queryKey: ["sites", "import-warnings", jobId, status],
    queryFn: ({ signal }) =>
      apiGet<{ items: SiteImportWarning[] }>(`/sites/import-warnings/${jobId}`, undefined, signal),
    enabled: Boolean(jobId) && status === "validated",
  });
