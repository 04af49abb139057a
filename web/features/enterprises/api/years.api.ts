import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { EnterpriseYear, yearUpsert } from "../../../../common/enterprise.schema";
import { apiDelete, apiGet, apiRequest } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { enterpriseKeys, enterprisesKey } from "./keys";

export type YearBody = z.input<typeof yearUpsert>;

/** GET /api/enterprises/:id/years — ascending by year. */
export const useEnterpriseYears = (id: string) =>
  useQuery({
    queryKey: enterpriseKeys.years(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: EnterpriseYear[] }>(`/enterprises/${id}/years`, undefined, signal).then((r) => r.items),
  });

// A year's 规上/规下 becomes the firm's size class: lists and the page change too.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: enterprisesKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** PUT /api/enterprises/:id/years/:year — creates or updates (with `version`; 409 when stale). */
export const useSaveYear = (id: string) => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: YearBody }) =>
      apiRequest<EnterpriseYear>(`/enterprises/${id}/years/${year}`, { method: "PUT", body }),
    onSuccess: done,
  });
};

/** DELETE /api/enterprises/:id/years/:year */
export const useDeleteYear = (id: string) => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (year: number) => apiDelete(`/enterprises/${id}/years/${year}`),
    onSettled: done,
  });
};
