import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuditEntry, VerifyReport } from "../../../../common/audit.schema";
import type { Page } from "../../../../common/paging";
import { apiDownload, apiGet, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

/** GET /api/audit — the log, filtered and paged. */
export const useAuditEntries = (query: QueryParams) =>
  useQuery({
    queryKey: [...auditKey, "list", query],
    queryFn: ({ signal }) => apiGet<Page<AuditEntry>>("/audit", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/audit?subjectType=&subjectId= — one record's trail. */
export const useSubjectTrail = (subjectType: string, subjectId: string) =>
  useQuery({
    queryKey: [...auditKey, "subject", subjectType, subjectId],
    queryFn: ({ signal }) =>
      apiGet<Page<AuditEntry>>("/audit", { subjectType, subjectId, pageSize: 100, order: "desc" }, signal),
  });

/** GET /api/audit/export — same filters as the list. */
export const useExportAudit = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/audit/export", filters, "操作日志.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};

/** GET /api/audit/verify — recomputes every chain; run on demand. */
export const useAuditVerify = () =>
  useQuery({
    queryKey: [...auditKey, "verify"],
    queryFn: ({ signal }) => apiGet<VerifyReport>("/audit/verify", undefined, signal),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
