import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Region, regionCreate } from "../../../../common/org.schema";
import { apiGet, apiPost } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

export type RegionCreate = z.input<typeof regionCreate>;
export type RegionDetail = Region & { ancestors: Region[] };

export const regionsKey = ["regions"] as const;

/** GET /api/regions?roots=true — the top of the user's scope. */
export const fetchRootRegions = (signal?: AbortSignal) =>
  apiGet<{ items: Region[] }>("/regions", { roots: true }, signal).then((r) => r.items);

/** GET /api/regions?parentId= — one level of the tree. */
export const fetchChildRegions = (parentId: string, signal?: AbortSignal) =>
  apiGet<{ items: Region[] }>("/regions", { parentId }, signal).then((r) => r.items);

export const useRootRegions = () =>
  useQuery({ queryKey: [...regionsKey, "roots"], queryFn: ({ signal }) => fetchRootRegions(signal) });

/** Children of a node; the tree asks for them when a node opens. */
export const childRegionsQuery = (parentId: string) => ({
  queryKey: [...regionsKey, "children", parentId],
  queryFn: ({ signal }: { signal?: AbortSignal }) => fetchChildRegions(parentId, signal),
  staleTime: 5 * 60_000,
});

export const useChildRegions = (parentId: string | null) =>
  useQuery({ ...childRegionsQuery(parentId ?? ""), enabled: Boolean(parentId) });

/** GET /api/regions?q= — search by name anywhere in scope. */
export const useRegionSearch = (q: string) =>
  useQuery({
    queryKey: [...regionsKey, "search", q],
    queryFn: ({ signal }) => apiGet<{ items: Region[] }>("/regions", { q }, signal).then((r) => r.items),
    enabled: q.trim().length > 0,
  });

/** GET /api/regions/:id — with its ancestors, to show a path and place it in a tree. */
export const useRegion = (id: string | null | undefined) =>
  useQuery({
    queryKey: [...regionsKey, "one", id],
    queryFn: ({ signal }) => apiGet<RegionDetail>(`/regions/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });

/** POST /api/regions — a platform (no code) or a region under a parent. */
export const useCreateRegion = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegionCreate) => apiPost<Region>("/regions", body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: regionsKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};
