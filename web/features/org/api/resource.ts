import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

/** The org resources that share one REST shape: list, one, create, update, delete, export. */
export type OrgResource = "parks" | "teams" | "departments";

interface Versioned {
  id: string;
  version: number;
}

/**
 * The query hooks of one org resource (parks, teams, departments). Each
 * resource module binds them once and exports every call under its own
 * named hook (`useParks`, `usePark`, `useCreatePark`, …).
 */
export const orgResourceHooks = <T extends Versioned, C, U>(path: OrgResource, exportFileName: string) => ({
  /** GET /api/<resource> */
  useList: (query: QueryParams, enabled = true) =>
    useQuery({
      queryKey: [path, "list", query],
      queryFn: ({ signal }) => apiGet<Page<T>>(`/${path}`, query, signal),
      placeholderData: keepPreviousData,
      enabled,
    }),

  /** GET /api/<resource>/:id */
  useOne: (id: string | null | undefined) =>
    useQuery({
      queryKey: [path, "one", id],
      queryFn: ({ signal }) => apiGet<T>(`/${path}/${id}`, undefined, signal),
      enabled: Boolean(id),
    }),

  /** POST /api/<resource> */
  useCreate: () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: (body: C) => apiPost<T>(`/${path}`, body),
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: [path] });
        void qc.invalidateQueries({ queryKey: auditKey });
      },
    });
  },

  /** PATCH /api/<resource>/:id */
  useUpdate: () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: ({ id, body }: { id: string; body: U }) => apiPatch<T>(`/${path}/${id}`, body),
      onSuccess: (saved) => {
        qc.setQueryData([path, "one", saved.id], saved);
        void qc.invalidateQueries({ queryKey: [path, "list"] });
        void qc.invalidateQueries({ queryKey: auditKey });
      },
    });
  },

  /** DELETE /api/<resource>/:id?version= */
  useDelete: () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        apiDelete(`/${path}/${id}`, { version }),
      onSettled: () => {
        // On success the row is gone; on a 409 the list must show the newer version.
        void qc.invalidateQueries({ queryKey: [path] });
        void qc.invalidateQueries({ queryKey: auditKey });
      },
    });
  },

  /** GET /api/<resource>/export — the list's filters, without its paging. */
  useExport: () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: (query: QueryParams) => {
        const { page: _p, pageSize: _s, ...filters } = query;
        return apiDownload(`/${path}/export`, filters, exportFileName);
      },
      // Exports are logged in the audit trail too.
      onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
    });
  },
});

/** The hooks `orgResourceHooks` binds for a record type. */
export type OrgResourceHooks<T extends Versioned, C = unknown, U = unknown> = ReturnType<
  typeof orgResourceHooks<T, C, U>
>;
