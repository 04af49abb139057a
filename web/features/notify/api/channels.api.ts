import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ChannelCreate,
  ChannelUpdate,
  ChannelView,
  DeliveryView,
  TestSendResult,
} from "../../../../common/notify.schema";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

const channelsKey = ["notify", "channels"] as const;
const deliveriesKey = ["notify", "deliveries"] as const;

/** GET /api/notify/channels — with the notification kinds seen so far, for the filter. */
export const useChannels = () =>
  useQuery({
    queryKey: channelsKey,
    queryFn: ({ signal }) =>
      apiGet<{ items: ChannelView[]; kinds: string[] }>("/notify/channels", undefined, signal),
  });

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: channelsKey });
    void qc.invalidateQueries({ queryKey: deliveriesKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/notify/channels */
export const useCreateChannel = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ChannelCreate) => apiPost<ChannelView>("/notify/channels", body),
    onSuccess: done,
  });
};

/** PATCH /api/notify/channels/:id */
export const useUpdateChannel = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ChannelUpdate }) =>
      apiPatch<ChannelView>(`/notify/channels/${id}`, body),
    onSuccess: done,
  });
};

/** DELETE /api/notify/channels/:id?version= */
export const useDeleteChannel = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/notify/channels/${id}`, { version }),
    onSettled: done,
  });
};

/** POST /api/notify/channels/:id/test — sends at once and says how it went. */
export const useTestChannel = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiPost<TestSendResult>(`/notify/channels/${id}/test`),
    onSettled: done,
  });
};

/** GET /api/notify/deliveries */
export const useDeliveries = (query: QueryParams) =>
  useQuery({
    queryKey: [...deliveriesKey, query],
    queryFn: ({ signal }) => apiGet<Page<DeliveryView>>("/notify/deliveries", query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
