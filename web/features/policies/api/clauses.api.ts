import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type { ClauseMatch, ClauseRow, clauseCreate, clauseUpdate } from "../../../../common/policy.schema";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { policiesKey, policyKeys } from "./keys";

export type ClauseCreateBody = z.input<typeof clauseCreate>;
export type ClauseUpdateBody = z.input<typeof clauseUpdate>;

/** One firm meeting a clause, as GET /api/policy-clauses/:id/matches lists it. */
export interface ClauseFirm {
  enterpriseId: string;
  name: string;
  parkName: string | null;
  estimateFen: number | null;
  applicationId: string | null;
}

/** GET /api/policy-clauses */
export const useClauses = (query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: policyKeys.clauses(query),
    queryFn: ({ signal }) => apiGet<Page<ClauseRow>>("/policy-clauses", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** GET /api/policy-clauses/:id */
export const useClause = (id: string) =>
  useQuery({
    queryKey: policyKeys.clause(id),
    queryFn: ({ signal }) => apiGet<ClauseRow>(`/policy-clauses/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

/** GET /api/policy-clauses/:id/matches — firms in the user's scope that meet the clause now. */
export const useClauseMatches = (id: string, query: QueryParams) =>
  useQuery({
    queryKey: policyKeys.matches(id, query),
    queryFn: ({ signal }) => apiGet<Page<ClauseFirm>>(`/policy-clauses/${id}/matches`, query, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });

/** GET /api/enterprises/:id/policy-matches — every active clause against one firm, with reasons. */
export const useFirmMatches = (enterpriseId: string | null | undefined) =>
  useQuery({
    queryKey: policyKeys.firmMatches(enterpriseId ?? ""),
    queryFn: ({ signal }) =>
      apiGet<{ items: ClauseMatch[] }>(`/enterprises/${enterpriseId}/policy-matches`, undefined, signal).then(
        (r) => r.items,
      ),
    enabled: Boolean(enterpriseId),
  });

// A clause's change moves its lists, its matches, every firm's 政策匹配 and the audit trail.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: policiesKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/policy-clauses → 201 */
export const useCreateClause = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ClauseCreateBody) => apiPost<ClauseRow>("/policy-clauses", body),
    onSuccess: done,
  });
};

/** PATCH /api/policy-clauses/:id (with `version`; 409 when stale) */
export const useUpdateClause = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ClauseUpdateBody }) =>
      apiPatch<ClauseRow>(`/policy-clauses/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(policyKeys.clause(saved.id), saved);
      done();
    },
  });
};

/** DELETE /api/policy-clauses/:id?version=N */
export const useDeleteClause = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/policy-clauses/${id}`, { version }),
    onSuccess: done,
  });
};

/** GET /api/policy-clauses/export — the list's filters, without its paging. */
export const useExportClauses = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/policy-clauses/export", filters, "政策条款.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
