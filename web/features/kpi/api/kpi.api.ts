import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  GoalCreate,
  GoalRow,
  GoalUpdate,
  IndicatorRow,
  ManualIndicatorCreate,
  ManualValueCreate,
  ManualValueRow,
  RunCreate,
  RunRow,
  SchemeCreate,
  SchemeRow,
  UnitKind,
} from "../../../../common/kpi.schema";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

export const kpiKey = ["kpi"] as const;

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: kpiKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** GET /api/kpi/indicators — computed (providers) and manual */
export const useIndicators = () =>
  useQuery({
    queryKey: [...kpiKey, "indicators"],
    queryFn: ({ signal }) => apiGet<{ items: IndicatorRow[] }>("/kpi/indicators", undefined, signal),
  });

/** GET /api/kpi/units?kind&regionId — units a goal or scheme may name */
export const useUnits = (kind: UnitKind | undefined, regionId?: string) =>
  useQuery({
    queryKey: [...kpiKey, "units", kind, regionId],
    queryFn: ({ signal }) =>
      apiGet<{ items: { id: string; name: string }[] }>("/kpi/units", { kind, regionId }, signal),
    enabled: Boolean(kind),
  });

export const useCreateIndicator = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ManualIndicatorCreate) => apiPost<IndicatorRow>("/kpi/indicators", body),
    onSuccess: done,
  });
};

/** GET /api/kpi/values */
export const useValues = (q: QueryParams) =>
  useQuery({
    queryKey: [...kpiKey, "values", q],
    queryFn: ({ signal }) => apiGet<Page<ManualValueRow>>("/kpi/values", q, signal),
    placeholderData: keepPreviousData,
  });

export const useSaveValue = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ManualValueCreate) => apiPost<ManualValueRow>("/kpi/values", body),
    onSuccess: done,
  });
};

export const useDeleteValue = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/kpi/values/${id}`, { version }),
    onSuccess: done,
  });
};

/** GET /api/kpi/goals */
export const useGoals = (q: QueryParams) =>
  useQuery({
    queryKey: [...kpiKey, "goals", q],
    queryFn: ({ signal }) => apiGet<Page<GoalRow>>("/kpi/goals", q, signal),
    placeholderData: keepPreviousData,
  });

export const useCreateGoal = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: GoalCreate) => apiPost<GoalRow>("/kpi/goals", body),
    onSuccess: done,
  });
};

export const useUpdateGoal = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: GoalUpdate }) =>
      apiPatch<GoalRow>(`/kpi/goals/${id}`, body),
    onSuccess: done,
  });
};

export const useDeleteGoal = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/kpi/goals/${id}`, { version }),
    onSuccess: done,
  });
};

export const useExportGoals = () =>
  useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/kpi/goals/export", filters, "年度目标任务.xlsx");
    },
  });

/** GET /api/kpi/schemes */
export const useSchemes = () =>
  useQuery({
    queryKey: [...kpiKey, "schemes"],
    queryFn: ({ signal }) => apiGet<Page<SchemeRow>>("/kpi/schemes", { pageSize: 200 }, signal),
  });

export const useSaveScheme = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: SchemeCreate & { version?: number } }) =>
      id ? apiPatch<SchemeRow>(`/kpi/schemes/${id}`, body) : apiPost<SchemeRow>("/kpi/schemes", body),
    onSuccess: done,
  });
};

export const useDeleteScheme = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/kpi/schemes/${id}`, { version }),
    onSuccess: done,
  });
};

/** GET /api/kpi/schemes/:id/ranking?periodKey — the latest run for the period, and the periods run */
export const useRanking = (schemeId: string | undefined, periodKey: string | undefined) =>
  useQuery({
    queryKey: [...kpiKey, "ranking", schemeId, periodKey],
    queryFn: ({ signal }) =>
      apiGet<{ run: RunRow | null; periods: string[] }>(
        `/kpi/schemes/${schemeId}/ranking`,
        { periodKey },
        signal,
      ),
    enabled: Boolean(schemeId),
    placeholderData: keepPreviousData,
  });

export const useRunScheme = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ schemeId, body }: { schemeId: string; body: RunCreate }) =>
      apiPost<RunRow>(`/kpi/schemes/${schemeId}/runs`, body),
    onSuccess: done,
  });
};

export const useExportRun = (run: RunRow | null | undefined) =>
  useMutation({
    mutationFn: (_: QueryParams) =>
      apiDownload(`/kpi/runs/${run?.id}/export`, {}, `${run?.schemeName ?? ""}赛马排名.xlsx`),
  });
