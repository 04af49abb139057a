import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedView, ViewState } from "../../common/views.schema";
import { apiDelete, apiGet, apiPatch, apiPost } from "./api";
import { auditKey } from "./query-keys";

export const viewsKey = ["views"] as const;
const listKeyOf = (listKey: string) => [...viewsKey, listKey] as const;

/** GET /api/views?listKey= — the user's own views of a list, then those shared with their unit. */
export const useSavedViews = (listKey: string) =>
  useQuery({
    queryKey: listKeyOf(listKey),
    queryFn: ({ signal }) =>
      apiGet<{ items: SavedView[] }>("/views", { listKey }, signal).then((r) => r.items),
    staleTime: 60_000,
  });

// Every change lands in the audit trail, and reorders the dropdown.
const useInvalidate = (listKey: string) => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: listKeyOf(listKey) });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

export interface ViewBody {
  name: string;
  shared: boolean;
  state: ViewState;
}

/** POST /api/views */
export const useCreateView = (listKey: string) => {
  const invalidate = useInvalidate(listKey);
  return useMutation({
    mutationFn: (body: ViewBody) => apiPost<SavedView>("/views", { listKey, ...body }),
    onSuccess: invalidate,
  });
};

/** PATCH /api/views/:id — rename, (un)share or overwrite the state, with the view's version. */
export const useUpdateView = (listKey: string) => {
  const invalidate = useInvalidate(listKey);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<ViewBody> & { version: number } }) =>
      apiPatch<SavedView>(`/views/${id}`, body),
    onSuccess: invalidate,
  });
};

/** DELETE /api/views/:id?version= */
export const useDeleteView = (listKey: string) => {
  const invalidate = useInvalidate(listKey);
  return useMutation({
    mutationFn: (v: Pick<SavedView, "id" | "version">) => apiDelete(`/views/${v.id}`, { version: v.version }),
    onSuccess: invalidate,
  });
};
