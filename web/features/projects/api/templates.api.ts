import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { nodeTemplateBody, ProjectKind } from "../../../../common/project.schema";
import { apiDelete, apiGet, apiPost, apiRequest } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { projectKeys } from "./keys";

export type NodeTemplateBody = z.input<typeof nodeTemplateBody>;

export interface NodeTemplateItem {
  templateId: string;
  seq: number;
  name: string;
  departmentId: string | null;
  dueWorkdays: number;
  gate: "land" | null;
  evidenceRequired: boolean;
}

export interface NodeTemplate {
  id: string;
  name: string;
  regionId: string;
  parkId: string | null;
  projectKind: ProjectKind | null;
  items: NodeTemplateItem[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/node-templates — every template of the user's regions, by name. */
export const useTemplates = () =>
  useQuery({
    queryKey: projectKeys.templates,
    queryFn: ({ signal }) =>
      apiGet<{ items: NodeTemplate[] }>("/node-templates", undefined, signal).then((r) => r.items),
  });

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: projectKeys.templates });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/node-templates, or PUT /api/node-templates/:id with `version`. */
export const useSaveTemplate = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: NodeTemplateBody }) =>
      id
        ? apiRequest<NodeTemplate>(`/node-templates/${id}`, { method: "PUT", body })
        : apiPost<NodeTemplate>("/node-templates", body),
    onSuccess: done,
  });
};

/** DELETE /api/node-templates/:id — nodes already laid out on projects stay. */
export const useDeleteTemplate = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/node-templates/${id}`),
    onSettled: done,
  });
};
