import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type { User, userCreate, userUpdate } from "../../../../common/users.schema";
import { apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

export type UserCreate = z.input<typeof userCreate>;
export type UserUpdate = z.input<typeof userUpdate>;

const usersKey = ["users"] as const;

const useInvalidate = () => {
  const qc = useQueryClient();
  return (saved?: User) => {
    if (saved) qc.setQueryData([...usersKey, "one", saved.id], saved);
    void qc.invalidateQueries({ queryKey: [...usersKey, "list"] });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** GET /api/users */
export const useUsers = (query: QueryParams) =>
  useQuery({
    queryKey: [...usersKey, "list", query],
    queryFn: ({ signal }) => apiGet<Page<User>>("/users", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/users/:id */
export const useUser = (id: string | null | undefined) =>
  useQuery({
    queryKey: [...usersKey, "one", id],
    queryFn: ({ signal }) => apiGet<User>(`/users/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

/** POST /api/users — answers the account and its first password (shown once). */
export const useCreateUser = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: UserCreate) => apiPost<{ user: User; password: string }>("/users", body),
    onSuccess: (r) => done(r.user),
  });
};

/** PATCH /api/users/:id — also enables and disables (`active`). */
export const useUpdateUser = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) => apiPatch<User>(`/users/${id}`, body),
    onSuccess: (u) => done(u),
  });
};

/** POST /api/users/:id/reset-password — a new password, shown once. */
export const useResetPassword = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiPost<{ password: string }>(`/users/${id}/reset-password`),
    onSuccess: () => done(),
  });
};

/** POST /api/users/:id/unlock */
export const useUnlockUser = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiPost<User>(`/users/${id}/unlock`),
    onSuccess: (u) => done(u),
  });
};

/** GET /api/users/export */
export const useExportUsers = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/users/export", filters, "用户.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
