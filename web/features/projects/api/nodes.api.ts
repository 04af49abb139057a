import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type { nodeUpdate, ProjectNode } from "../../../../common/project.schema";
import { apiDownload, apiGet, apiPatch, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { projectKeys, projectsKey } from "./keys";

export type NodeUpdateBody = z.input<typeof nodeUpdate>;

/** GET /api/nodes — a department handler's own nodes; everyone else's within their projects. */
export const useNodes = (query: QueryParams) =>
  useQuery({
    queryKey: projectKeys.nodes(query),
    queryFn: ({ signal }) => apiGet<Page<ProjectNode>>("/nodes", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/projects/:id/nodes — in template order. */
export const useProjectNodes = (projectId: string) =>
  useQuery({
    queryKey: projectKeys.projectNodes(projectId),
    queryFn: ({ signal }) =>
      apiGet<{ items: ProjectNode[] }>(`/projects/${projectId}/nodes`, undefined, signal).then(
        (r) => r.items,
      ),
  });

/** PATCH /api/nodes/:id (with the node's `version`; 409 when stale) */
export const useUpdateNode = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: NodeUpdateBody }) =>
      apiPatch<ProjectNode>(`/nodes/${id}`, body),
    // A node done clears an overdue badge in the lists and the land gate of 开工.
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectsKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

/** GET /api/nodes/export — the node list's filters, without its paging. */
export const useExportNodes = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/nodes/export", filters, "项目关键节点.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
