import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  contractTerms,
  creditShares,
  ProjectRow,
  ProjectStage,
  stageMove,
} from "../../../../common/project.schema";
import { apiGet, apiPost, apiRequest } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { projectKeys, projectsKey } from "./keys";

export type StageMoveBody = z.input<typeof stageMove>;
export type CreditSharesBody = z.input<typeof creditShares>;
export type ContractBody = z.input<typeof contractTerms>;

export interface StageEvent {
  id: string;
  fromStage: ProjectStage | null;
  toStage: ProjectStage;
  on: string;
  reason: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface CreditShare {
  teamId: string;
  teamName: string;
  userId: string | null;
  userName: string | null;
  percent: number;
}

export interface Contract {
  projectId: string;
  signedOn: string;
  contractNo: string | null;
  investmentFen: number | null;
  investBy: string | null;
  intensityWanPerMu: number | null;
  taxPerMuWan: number | null;
  outputFen: number | null;
  jobs: number | null;
  startBy: string | null;
  productionBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: projectsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/projects/:id/stage — a gate that fails answers 400 with its reason on `to`. */
export const useMoveStage = (id: string) => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: StageMoveBody) => apiPost<ProjectRow>(`/projects/${id}/stage`, body),
    onSuccess: (saved) => {
      qc.setQueryData(projectKeys.one(saved.id), saved);
      done();
    },
  });
};

/** GET /api/projects/:id/stages — oldest first. */
export const useStageEvents = (id: string) =>
  useQuery({
    queryKey: projectKeys.stages(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: StageEvent[] }>(`/projects/${id}/stages`, undefined, signal).then((r) => r.items),
  });

/** GET /api/projects/:id/credits */
export const useCredits = (id: string) =>
  useQuery({
    queryKey: projectKeys.credits(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: CreditShare[] }>(`/projects/${id}/credits`, undefined, signal).then((r) => r.items),
  });

/** PUT /api/projects/:id/credits — with the project's version, which it bumps. */
export const useSaveCredits = (id: string) => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: CreditSharesBody) =>
      apiRequest<{ items: CreditShare[]; version: number }>(`/projects/${id}/credits`, {
        method: "PUT",
        body,
      }),
    onSuccess: done,
  });
};

/** GET /api/projects/:id/contract — null until the terms are recorded. */
export const useContract = (id: string) =>
  useQuery({
    queryKey: projectKeys.contract(id),
    queryFn: ({ signal }) =>
      apiGet<{ contract: Contract | null }>(`/projects/${id}/contract`, undefined, signal).then(
        (r) => r.contract,
      ),
  });

/** PUT /api/projects/:id/contract — creates, or updates with the contract's own version. */
export const useSaveContract = (id: string) => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ContractBody) =>
      apiRequest<Contract>(`/projects/${id}/contract`, { method: "PUT", body }),
    onSuccess: (saved) => {
      qc.setQueryData(projectKeys.contract(id), saved);
      done();
    },
  });
};
