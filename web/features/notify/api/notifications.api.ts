import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotificationPage } from "../../../../common/notify.schema";
import { apiGet, apiPost, type QueryParams } from "../../../lib/api";

export const notificationsKey = ["notifications"] as const;

/** GET /api/notifications — mine, newest first, with my unread count. */
export const useNotifications = (query: QueryParams) =>
  useQuery({
    queryKey: [...notificationsKey, "list", query],
    queryFn: ({ signal }) => apiGet<NotificationPage>("/notifications", query, signal),
    placeholderData: keepPreviousData,
  });

/** The bell's view: the newest few and the unread count, polled each minute. */
export const useRecentNotifications = () =>
  useQuery({
    queryKey: [...notificationsKey, "recent"],
    queryFn: ({ signal }) => apiGet<NotificationPage>("/notifications", { pageSize: 8 }, signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });

/** POST /api/notifications/:id/read */
export const useMarkRead = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<{ unread: number }>(`/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
};

/** POST /api/notifications/read-all */
export const useMarkAllRead = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<{ updated: number }>("/notifications/read-all"),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
};
