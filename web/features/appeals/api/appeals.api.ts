import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AppealCategory,
  AppealDepartmentFigures,
  AppealDetail,
  AppealFiguresQuery,
  AppealRow,
  appealAccept,
  appealConfirm,
  appealCreate,
  appealReopen,
  appealReply,
  appealResolve,
  appealRoute,
} from "../../../../common/appeal.schema";
import type { Page } from "../../../../common/paging";
import { apiDownload, apiGet, apiPost, apiRequest, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { appealKeys, appealsKey } from "./keys";

export type AppealCreateBody = z.input<typeof appealCreate>;

/** The body of each action, by its path segment (a transfer is a route to another department). */
export interface AppealActionBodies {
  route: z.input<typeof appealRoute>;
  accept: z.input<typeof appealAccept>;
  reply: z.input<typeof appealReply>;
  resolve: z.input<typeof appealResolve>;
  confirm: z.input<typeof appealConfirm>;
  reopen: z.input<typeof appealReopen>;
}
export type AppealActionPath = keyof AppealActionBodies;
export type AppealActionCall = {
  [A in AppealActionPath]: { id: string; action: A; body: AppealActionBodies[A] };
}[AppealActionPath];

/** GET /api/appeals — the server scopes it (an enterprise user gets their own firm's only). */
export const useAppeals = (query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: appealKeys.list(query),
    queryFn: ({ signal }) => apiGet<Page<AppealRow>>("/appeals", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** GET /api/appeals/:id — with the timeline and what the user may do now. */
export const useAppeal = (id: string) =>
  useQuery({
    queryKey: appealKeys.one(id),
    queryFn: ({ signal }) => apiGet<AppealDetail>(`/appeals/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

// An appeal's change moves its lists, the figures, the enterprise page's tab and the audit trail.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: appealsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/appeals → 201 */
export const useRaiseAppeal = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: AppealCreateBody) => apiPost<AppealRow>("/appeals", body),
    onSuccess: done,
  });
};

/** POST /api/appeals/:id/{route,accept,reply,resolve,confirm,reopen} (with `version`; 409 when stale) */
export const useAppealAction = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, body }: AppealActionCall) =>
      apiPost<AppealDetail>(`/appeals/${id}/${action}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(appealKeys.one(saved.id), saved);
      done();
    },
  });
};

/** GET /api/appeals/export — the list's filters, without its paging. */
export const useExportAppeals = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/appeals/export", filters, "企业诉求.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};

export type AppealFiguresTotal = Omit<AppealDepartmentFigures, "departmentId" | "departmentName">;
export interface AppealFiguresAnswer {
  items: AppealDepartmentFigures[];
  total: AppealFiguresTotal;
}

/** GET /api/appeals/figures/by-department */
export const useAppealFigures = (query: Partial<AppealFiguresQuery>) =>
  useQuery({
    queryKey: appealKeys.figures(query),
    queryFn: ({ signal }) =>
      apiGet<AppealFiguresAnswer>("/appeals/figures/by-department", { ...query }, signal),
    placeholderData: keepPreviousData,
  });

export interface AppealDepartmentOption {
  id: string;
  name: string;
  regionName: string;
}

/** GET /api/appeal-departments?enterpriseId=&q= — where an appeal of this firm may be routed. */
export const useAppealDepartments = (enterpriseId: string | null | undefined, q: string) =>
  useQuery({
    queryKey: appealKeys.departments(enterpriseId, q),
    queryFn: ({ signal }) =>
      apiGet<{ items: AppealDepartmentOption[] }>(
        "/appeal-departments",
        { enterpriseId, q: q || undefined },
        signal,
      ).then((r) => r.items),
    enabled: Boolean(enterpriseId),
    staleTime: 5 * 60_000,
  });

export interface AppealDeadlines {
  regionId: string;
  deadlines: Record<AppealCategory, number>;
  inherited: Record<AppealCategory, boolean>;
}

/** GET /api/appeal-deadlines?regionId= — each category's working days, and which are inherited. */
export const useAppealDeadlines = (regionId: string | null | undefined, enabled = true) =>
  useQuery({
    queryKey: appealKeys.deadlines(regionId),
    queryFn: ({ signal }) => apiGet<AppealDeadlines>("/appeal-deadlines", { regionId }, signal),
    enabled: Boolean(regionId) && enabled,
    retry: false,
    staleTime: 60_000,
  });

/** PUT /api/appeal-deadlines (settings.manage) */
export const useSaveAppealDeadlines = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { regionId: string; deadlines: Record<AppealCategory, number> }) =>
      apiRequest<AppealDeadlines>("/appeal-deadlines", { method: "PUT", body }),
    onSuccess: (saved) => {
      qc.setQueryData(appealKeys.deadlines(saved.regionId), saved);
      void qc.invalidateQueries({ queryKey: [...appealsKey, "deadlines"] });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

export interface FirmSummary {
  id: string;
  name: string;
  uscc: string | null;
  regionName: string;
  parkName: string | null;
  specialistName: string | null;
}

/** GET /api/enterprises/:id — the enterprise user's own firm, for their home page. */
export const useFirm = (id: string | null | undefined) =>
  useQuery({
    queryKey: appealKeys.firm(id),
    queryFn: ({ signal }) => apiGet<FirmSummary>(`/enterprises/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
