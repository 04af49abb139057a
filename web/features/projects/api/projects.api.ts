import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type {
  duplicateCheck,
  ProjectRow,
  ProjectStage,
  projectCreate,
  projectUpdate,
} from "../../../../common/project.schema";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { projectKeys, projectsKey } from "./keys";

export type ProjectCreateBody = z.input<typeof projectCreate>;
export type ProjectUpdateBody = z.input<typeof projectUpdate>;
export type DuplicateCheckBody = z.input<typeof duplicateCheck>;

/** A likely duplicate, as POST /api/projects/duplicates and a 409 DUPLICATE list it. */
export interface DuplicateCandidate {
  id: string;
  code: string;
  name: string;
  investorName: string;
  teamName: string | null;
  stage: ProjectStage;
  registeredAt: string;
}

/** GET /api/projects */
export const useProjects = (query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: projectKeys.list(query),
    queryFn: ({ signal }) => apiGet<Page<ProjectRow>>("/projects", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** GET /api/projects/:id */
export const useProject = (id: string | null | undefined) =>
  useQuery({
    queryKey: projectKeys.one(id),
    queryFn: ({ signal }) => apiGet<ProjectRow>(`/projects/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

// Any write to a project moves lists, the board, the pipeline and its history.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: projectsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/projects/duplicates — likely duplicates of a lead about to be registered. */
export const useCheckDuplicates = () =>
  useMutation({
    mutationFn: (body: DuplicateCheckBody) =>
      apiPost<{ items: DuplicateCandidate[] }>("/projects/duplicates", body).then((r) => r.items),
  });

/** POST /api/projects (409 DUPLICATE with details.candidates when no duplicateReason is given) */
export const useCreateProject = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ProjectCreateBody) => apiPost<ProjectRow>("/projects", body),
    onSuccess: done,
  });
};

/** PATCH /api/projects/:id (with `version`; 409 when stale) */
export const useUpdateProject = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProjectUpdateBody }) =>
      apiPatch<ProjectRow>(`/projects/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(projectKeys.one(saved.id), saved);
      done();
    },
  });
};

/** DELETE /api/projects/:id?version= — refused (409) once signed. */
export const useDeleteProject = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/projects/${id}`, { version }),
    onSuccess: (_r, { id }) => qc.removeQueries({ queryKey: projectKeys.one(id) }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: projectsKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

/** GET /api/projects/export — the list's filters, without its paging. */
export const useExportProjects = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/projects/export", filters, "招商项目台账.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};

export interface PipelineSummary {
  stages: { stage: ProjectStage; n: number; investmentFen: number; reached: number | null }[];
  conversion: { from: ProjectStage; to: ProjectStage; rate: number | null }[];
  durations: { from: ProjectStage; to: ProjectStage; medianWorkdays: number | null; n: number }[];
  overdueNodes: number;
  total: number;
}

/** GET /api/projects/pipeline — same filters as the list. */
export const usePipeline = (query: QueryParams) =>
  useQuery({
    queryKey: projectKeys.pipeline(query),
    queryFn: ({ signal }) => apiGet<PipelineSummary>("/projects/pipeline", query, signal),
    placeholderData: keepPreviousData,
  });
