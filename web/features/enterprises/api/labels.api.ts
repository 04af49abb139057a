import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { EnterpriseLabelRow, labelCreate } from "../../../../common/enterprise.schema";
import { apiDelete, apiGet, apiPost } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { enterpriseKeys, enterprisesKey } from "./keys";

export type LabelCreateBody = z.input<typeof labelCreate>;

/** GET /api/enterprises/:id/labels — current and expired, each with its validity. */
export const useEnterpriseLabels = (id: string) =>
  useQuery({
    queryKey: enterpriseKeys.labels(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: EnterpriseLabelRow[] }>(`/enterprises/${id}/labels`, undefined, signal).then(
        (r) => r.items,
      ),
  });

// A label changes the firm's tags, the list's label filter and the ladder.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: enterprisesKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/enterprises/:id/labels */
export const useAddLabel = (id: string) => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: LabelCreateBody) => apiPost<{ id: string }>(`/enterprises/${id}/labels`, body),
    onSuccess: done,
  });
};

/** DELETE /api/enterprises/:id/labels/:labelId */
export const useRemoveLabel = (id: string) => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (labelId: string) => apiDelete(`/enterprises/${id}/labels/${labelId}`),
    onSettled: done,
  });
};
