import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { changePasswordBody, loginBody, Me } from "../../../../common/users.schema";
import { apiGet, apiPost } from "../../../lib/api";
import { meKey } from "../../../lib/query-keys";

export type LoginInput = z.input<typeof loginBody>;
export type ChangePasswordInput = z.input<typeof changePasswordBody>;

export const fetchMe = async (): Promise<Me> => (await apiGet<{ user: Me }>("/session/me")).user;

/** GET /api/session/me — the signed-in user; a 401 means "not signed in". */
export const useMe = () =>
  useQuery({ queryKey: meKey, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });

/** POST /api/session/login */
export const useLogin = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginInput) =>
      (await apiPost<{ user: Me }>("/session/login", body, { skipAuthRedirect: true })).user,
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(meKey, user);
    },
  });
};

/** POST /api/session/logout */
export const useLogout = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>("/session/logout", undefined, { skipAuthRedirect: true }),
    onSettled: () => qc.clear(),
  });
};

/** POST /api/session/password */
export const useChangePassword = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => apiPost<void>("/session/password", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
};
