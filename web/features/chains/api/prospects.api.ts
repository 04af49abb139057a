import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ProspectRow,
  prospectCreate,
  prospectUpdate,
  RankWeights,
} from "../../../../common/chain.prospect";
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
import { chainKeys, useInvalidateChains } from "./chains.api";

export type ProspectPage = Page<ProspectRow> & { weights: RankWeights };

/** GET /api/prospects — ranked, each row with its explanation. */
export const useProspects = (query: QueryParams) =>
  useQuery({
    queryKey: chainKeys.prospects(query),
    queryFn: ({ signal }) => apiGet<ProspectPage>("/prospects", query, signal),
    placeholderData: keepPreviousData,
  });

export const useProspect = (id: string | null) =>
  useQuery({
    queryKey: chainKeys.prospect(id ?? ""),
    queryFn: ({ signal }) => apiGet<ProspectRow>(`/prospects/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

export interface TimelineRow {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  summary: string | null;
}
/** The activities module's timeline for a prospect (receptions, trips with the company). */
export const useProspectTimeline = (id: string | null, enabled: boolean) =>
  useQuery({
    queryKey: chainKeys.timeline(id ?? ""),
    queryFn: ({ signal }) =>
      apiGet<{ items: TimelineRow[] }>(
        "/activities/timeline",
        { subjectType: "prospect", subjectId: id ?? "" },
        signal,
      ).then((r) => r.items),
    enabled: Boolean(id) && enabled,
  });

export interface WeightsRow {
  regionId: string | null;
  weights: RankWeights;
  version: number;
}
export const useWeights = (regionId: string | undefined) =>
  useQuery({
    queryKey: chainKeys.weights(regionId),
    queryFn: ({ signal }) => apiGet<WeightsRow>("/prospect-weights", { regionId }, signal),
  });

const useAction = <A, R>(fn: (a: A) => Promise<R>) => {
  const done = useInvalidateChains();
  return useMutation({ mutationFn: fn, onSuccess: done });
};
export const useSaveWeights = () =>
  useAction((b: { regionId: string; weights: RankWeights; version?: number }) =>
    apiRequest<WeightsRow>("/prospect-weights", { method: "PUT", body: b }),
  );
export const useCreateProspect = () =>
  useAction((b: z.input<typeof prospectCreate>) => apiPost<ProspectRow>("/prospects", b));
export const useUpdateProspect = () =>
  useAction(({ id, body }: { id: string; body: z.input<typeof prospectUpdate> }) =>
    apiPatch<ProspectRow>(`/prospects/${id}`, body),
  );
export const useDeleteProspect = () =>
  useAction(({ id, version }: { id: string; version: number }) => apiDelete(`/prospects/${id}`, { version }));
export const useAssignProspect = () =>
  useAction(({ id, teamId, version }: { id: string; teamId: string; version: number }) =>
    apiPost<ProspectRow>(`/prospects/${id}/assign`, { teamId, version }),
  );

export interface ConvertBody {
  teamId: string;
  parkId?: string | null;
  projectName?: string;
  totalInvestmentFen?: number | null;
  duplicateReason?: string;
  version: number;
}
export const useConvertProspect = () => {
  const qc = useQueryClient();
  const done = useInvalidateChains();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ConvertBody }) =>
      apiPost<{ prospect: ProspectRow; project: { id: string; code: string; name: string } }>(
        `/prospects/${id}/convert`,
        body,
      ),
    onSuccess: () => {
      done();
      void qc.invalidateQueries({ queryKey: ["projects"] });
    },
  });
};

export const useExportProspects = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/prospects/export", filters, "招引目标池.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
