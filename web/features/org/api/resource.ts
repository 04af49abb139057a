import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

/** Records every org list shares: editable, versioned. */
interface Versioned {
  id: string;
  version: number;
}

/**
 * Query hooks for one REST resource of the org domain (parks, teams,
 * departments): list, one record, create, update, delete, export. Each hook
 * is one API call.
 */
export const resourceHooks = <T extends Versioned, C, U extends { version: number }>(
  path: string,
  exportName: string,
) => {
  const root = [path] as const;

  const useList = (query: QueryParams, enabled = true) =>
    useQuery({
      queryKey: [path, "list", query],
      queryFn: ({ signal }) => apiGet<Page<T>>(`/${path}`, query, signal),
      placeholderData: keepPreviousData,
      enabled,
    });

  const useOne = (id: string | null | undefined) =>
    useQuery({
      queryKey: [path, "one", id],
      queryFn: ({ signal }) => apiGet<T>(`/${path}/${id}`, undefined, signal),
      enabled: Boolean(id),
    });

  const useCreate = () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: (body: C) => apiPost<T>(`/${path}`, body),
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: root });
        void qc.invalidateQueries({ queryKey: auditKey });
      },
    });
  };

  const useUpdate = () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: ({ id, body }: { id: string; body: U }) => apiPatch<T>(`/${path}/${id}`, body),
      onSuccess: (saved) => {
        qc.setQueryData([path, "one", saved.id], saved);
        void qc.invalidateQueries({ queryKey: [path, "list"] });
        void qc.invalidateQueries({ queryKey: auditKey });
      },
    });
  };

  const useRemove = () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        apiDelete(`/${path}/${id}`, { version }),
      onSettled: () => {
        // On success the row is gone; on 409 the list must show the newer version.
        void qc.invalidateQueries({ queryKey: root });
        void qc.invalidateQueries({ queryKey: auditKey });
      },
    });
  };

  const useExport = () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: (query: QueryParams) => {
        const { page: _p, pageSize: _s, ...filters } = query;
        return apiDownload(`/${path}/export`, filters, `${exportName}.xlsx`);
      },
      // Exports are logged in the audit trail too.
      onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
    });
  };

  return { useList, useOne, useCreate, useUpdate, useRemove, useExport };
};
