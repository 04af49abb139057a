import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Enterprise } from "../../../../common/enterprise.schema";
import type { EnterpriseLabel } from "../../../../common/enums";
import { apiGet, apiPost } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { enterpriseKeys, enterprisesKey } from "./keys";

export interface LadderPark {
  parkId: string | null;
  parkName: string | null;
  counts: Partial<Record<EnterpriseLabel, number>>;
}

export interface Ladder {
  ladder: EnterpriseLabel[];
  parks: LadderPark[];
  totals: Partial<Record<EnterpriseLabel, number>>;
}

/** GET /api/enterprise-ladder — per park, firms holding each ladder label today. */
export const useLadder = () =>
  useQuery({
    queryKey: enterpriseKeys.ladder,
    queryFn: ({ signal }) => apiGet<Ladder>("/enterprise-ladder", undefined, signal),
  });

export interface DuplicateMember {
  id: string;
  uscc: string | null;
  name: string;
  parkName: string | null;
  version: number;
  updatedAt: string;
}

export interface DuplicateGroup {
  regionId: string;
  nameKey: string;
  n: number;
  members: DuplicateMember[];
}

/** GET /api/enterprise-duplicates — firms of one region whose names reduce to the same key. */
export const useDuplicates = () =>
  useQuery({
    queryKey: enterpriseKeys.duplicates,
    queryFn: ({ signal }) =>
      apiGet<{ items: DuplicateGroup[] }>("/enterprise-duplicates", undefined, signal).then((r) => r.items),
  });

/** POST /api/enterprises/:id/merge — keeps :id, merges sourceId into it and removes sourceId. */
export const useMergeEnterprise = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, sourceId, version }: { id: string; sourceId: string; version: number }) =>
      apiPost<Enterprise>(`/enterprises/${id}/merge`, { sourceId, version }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: enterprisesKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};
