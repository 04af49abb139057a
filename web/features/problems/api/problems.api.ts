import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type {
  ByDepartmentQuery,
  DepartmentFigures,
  ProblemEvent,
  ProblemRow,
  problemAssign,
  problemClose,
  problemCreate,
  problemReopen,
  problemReply,
  problemResolve,
  problemUpdate,
} from "../../../../common/problem.schema";
import { apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { problemKeys, problemsKey, projectsRoot } from "./keys";

export type ProblemCreateBody = z.input<typeof problemCreate>;
export type ProblemUpdateBody = z.input<typeof problemUpdate>;

/** The body of each action, by its path segment. */
export interface ActionBodies {
  assign: z.input<typeof problemAssign>;
  reply: z.input<typeof problemReply>;
  resolve: z.input<typeof problemResolve>;
  close: z.input<typeof problemClose>;
  reopen: z.input<typeof problemReopen>;
}
export type ProblemAction = keyof ActionBodies;
export type ActionCall = {
  [A in ProblemAction]: { id: string; action: A; body: ActionBodies[A] };
}[ProblemAction];

/** GET /api/problems */
export const useProblems = (query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: problemKeys.list(query),
    queryFn: ({ signal }) => apiGet<Page<ProblemRow>>("/problems", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** GET /api/problems/:id */
export const useProblem = (id: string | null | undefined) =>
  useQuery({
    queryKey: problemKeys.one(id),
    queryFn: ({ signal }) => apiGet<ProblemRow>(`/problems/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

/** GET /api/problems/:id/events — the timeline, oldest first. */
export const useProblemEvents = (id: string | null | undefined) =>
  useQuery({
    queryKey: problemKeys.events(id ?? ""),
    queryFn: ({ signal }) =>
      apiGet<{ items: ProblemEvent[] }>(`/problems/${id}/events`, undefined, signal).then((r) => r.items),
    enabled: Boolean(id),
  });

// A problem's change moves its lists, the figures, meetings, the pipeline's count and the audit trail.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: problemsKey });
    void qc.invalidateQueries({ queryKey: projectsRoot });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/problems */
export const useRaiseProblem = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ProblemCreateBody) => apiPost<ProblemRow>("/problems", body),
    onSuccess: done,
  });
};

/** PATCH /api/problems/:id (with `version`; 409 when stale) */
export const useUpdateProblem = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProblemUpdateBody }) =>
      apiPatch<ProblemRow>(`/problems/${id}`, body),
    onSuccess: done,
  });
};

/** POST /api/problems/:id/{assign,reply,resolve,close,reopen} */
export const useProblemAction = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, body }: ActionCall) => apiPost<ProblemRow>(`/problems/${id}/${action}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(problemKeys.one(saved.id), saved);
      done();
    },
  });
};

/** GET /api/problems/export — the list's filters, without its paging. */
export const useExportProblems = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/problems/export", filters, "问题清单.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};

export interface FiguresAnswer {
  items: DepartmentFigures[];
  total: Omit<DepartmentFigures, "departmentId" | "departmentName">;
}

/** GET /api/problems/by-department */
export const useDepartmentFigures = (query: Partial<ByDepartmentQuery>) =>
  useQuery({
    queryKey: problemKeys.figures(query),
    queryFn: ({ signal }) => apiGet<FiguresAnswer>("/problems/by-department", query, signal),
    placeholderData: keepPreviousData,
  });

export interface DepartmentOption {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
}

/** GET /api/problems/departments?regionId= — the departments a problem of the region may go to. */
export const useEligibleDepartments = (regionId: string | null | undefined, q: string) =>
  useQuery({
    queryKey: problemKeys.departments(regionId, q),
    queryFn: ({ signal }) =>
      apiGet<{ items: DepartmentOption[] }>(
        "/problems/departments",
        { regionId, q: q || undefined },
        signal,
      ).then((r) => r.items),
    enabled: Boolean(regionId),
    staleTime: 5 * 60_000,
  });
