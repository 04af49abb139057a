import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ChainListKind,
  ChainMap,
  ChainRow,
  chainUpdate,
  GapRow,
  LinkDetail,
  LinkRow,
  linkCreate,
  linkUpdate,
  ProjectChainLink,
} from "../../../../common/chain.schema";
import type { Page } from "../../../../common/paging";
import {
  apiDelete,
  apiDownload,
  apiGet,
  apiPatch,
  apiPost,
  apiRequest,
  type QueryParams,
} from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

/** One root: a firm added to a link moves the map, the gaps, the panorama and the prospects' scores. */
export const chainsKey = ["chains"] as const;
export const chainKeys = {
  list: (q: unknown) => [...chainsKey, "list", q] as const,
  one: (id: string) => [...chainsKey, "one", id] as const,
  map: (id: string) => [...chainsKey, "map", id] as const,
  link: (id: string) => [...chainsKey, "link", id] as const,
  gaps: (id: string) => [...chainsKey, "gaps", id] as const,
  panorama: (regionId: string) => [...chainsKey, "panorama", regionId] as const,
  templates: () => [...chainsKey, "templates"] as const,
  options: (regionId: string | undefined) => [...chainsKey, "options", regionId] as const,
  projectLinks: (id: string) => [...chainsKey, "project-links", id] as const,
  prospects: (q: unknown) => [...chainsKey, "prospects", q] as const,
  prospect: (id: string) => [...chainsKey, "prospect", id] as const,
  weights: (regionId: string | undefined) => [...chainsKey, "weights", regionId] as const,
  timeline: (id: string) => [...chainsKey, "timeline", id] as const,
};

export const useInvalidateChains = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: chainsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** GET /api/chains */
export const useChains = (query: QueryParams) =>
  useQuery({
    queryKey: chainKeys.list(query),
    queryFn: ({ signal }) => apiGet<Page<ChainRow>>("/chains", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/chains/:id/map — the chain, its links with strengths, and totals. */
export const useChainMap = (id: string) =>
  useQuery({
    queryKey: chainKeys.map(id),
    queryFn: ({ signal }) => apiGet<ChainMap>(`/chains/${id}/map`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

/** GET /api/chain-links/:id — what a click on a link shows. */
export const useLinkDetail = (id: string | null) =>
  useQuery({
    queryKey: chainKeys.link(id ?? ""),
    queryFn: ({ signal }) => apiGet<LinkDetail>(`/chain-links/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

/** GET /api/chains/:id/gaps */
export const useGaps = (id: string) =>
  useQuery({
    queryKey: chainKeys.gaps(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: GapRow[] }>(`/chains/${id}/gaps`, undefined, signal).then((r) => r.items),
  });

export interface PanoramaChain {
  chain: ChainRow;
  links: LinkRow[];
  totals: { links: number; strong: number; weak: number; missing: number };
}
/** GET /api/chain-panorama?regionId= */
export const usePanorama = (regionId: string | undefined) =>
  useQuery({
    queryKey: chainKeys.panorama(regionId ?? ""),
    queryFn: ({ signal }) =>
      apiGet<{ chains: PanoramaChain[] }>("/chain-panorama", { regionId }, signal).then((r) => r.chains),
    enabled: Boolean(regionId),
  });

export interface TemplateRow {
  key: string;
  name: string;
  description: string;
  links: number;
}
export const useTemplates = () =>
  useQuery({
    queryKey: chainKeys.templates(),
    queryFn: ({ signal }) =>
      apiGet<{ items: TemplateRow[] }>("/chain-templates", undefined, signal).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });

export interface LinkOption {
  id: string;
  name: string;
  chainId: string;
  chainName: string;
}
/** GET /api/chain-link-options — every active chain's links, for pickers. */
export const useLinkOptions = (regionId?: string) =>
  useQuery({
    queryKey: chainKeys.options(regionId),
    queryFn: ({ signal }) =>
      apiGet<{ items: LinkOption[] }>("/chain-link-options", { regionId }, signal).then((r) => r.items),
  });

const useAction = <A, R>(fn: (a: A) => Promise<R>) => {
  const done = useInvalidateChains();
  return useMutation({ mutationFn: fn, onSuccess: done });
};

export const useCreateFromTemplate = () =>
  useAction((b: { template: string; regionId: string; name?: string }) =>
    apiPost<ChainRow>("/chains/from-template", b),
  );
export const useUpdateChain = () =>
  useAction(({ id, body }: { id: string; body: z.input<typeof chainUpdate> }) =>
    apiPatch<ChainRow>(`/chains/${id}`, body),
  );
export const useDeleteChain = () =>
  useAction(({ id, version }: { id: string; version: number }) => apiDelete(`/chains/${id}`, { version }));
export const useCreateLink = () =>
  useAction(({ chainId, body }: { chainId: string; body: z.input<typeof linkCreate> }) =>
    apiPost<{ id: string }>(`/chains/${chainId}/links`, body),
  );
export const useUpdateLink = () =>
  useAction(({ id, body }: { id: string; body: z.input<typeof linkUpdate> }) =>
    apiPatch(`/chain-links/${id}`, body),
  );
export const useDeleteLink = () =>
  useAction(({ id, version }: { id: string; version: number }) =>
    apiDelete(`/chain-links/${id}`, { version }),
  );
export const useAddFirm = () =>
  useAction(
    ({ linkId, enterpriseId, role }: { linkId: string; enterpriseId: string; role: "member" | "leader" }) =>
      apiPost(`/chain-links/${linkId}/firms`, { enterpriseId, role }),
  );
export const useRemoveFirm = () =>
  useAction(({ linkId, enterpriseId }: { linkId: string; enterpriseId: string }) =>
    apiDelete(`/chain-links/${linkId}/firms/${enterpriseId}`),
  );

export const useProjectLinks = (projectId: string) =>
  useQuery({
    queryKey: chainKeys.projectLinks(projectId),
    queryFn: ({ signal }) =>
      apiGet<{ items: ProjectChainLink[] }>(`/projects/${projectId}/chain-links`, undefined, signal).then(
        (r) => r.items,
      ),
  });
export const useSetProjectLinks = () =>
  useAction(({ projectId, linkIds }: { projectId: string; linkIds: string[] }) =>
    apiRequest(`/projects/${projectId}/chain-links`, { method: "PUT", body: { linkIds } }),
  );

const useDownload = (path: string, name: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (_: unknown) => apiDownload(path, {}, name),
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
export const useExportMap = (id: string) => useDownload(`/chains/${id}/map/export`, "产业链图谱.xlsx");
/** One of the chain's X清单 as Excel (GET /chains/:id/lists/:kind/export). */
export const useExportList = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, name }: { kind: ChainListKind; name: string }) =>
      apiDownload(`/chains/${id}/lists/${kind}/export`, {}, `${name}.xlsx`),
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
export const useExportGaps = (id: string) => useDownload(`/chains/${id}/gaps/export`, "缺链补链清单.xlsx");
export const useExportChains = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/chains/export", filters, "产业链.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
