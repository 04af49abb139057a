import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { Region } from "../../../../common/org.schema";
import { childRegionsQuery, useRootRegions } from "../api/regions.api";

export interface RegionNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  region: Region;
  children?: RegionNode[];
}

/**
 * A region tree that loads one level at a time: roots from
 * GET /api/regions?roots=true, children from ?parentId= when a node opens.
 * The fetched levels live in the TanStack Query cache; this hook only
 * remembers which of them have been opened.
 */
export const useRegionTree = () => {
  const qc = useQueryClient();
  const roots = useRootRegions();
  const [known, setKnown] = useState<Map<string, Region>>(() => new Map());
  const [loaded, setLoaded] = useState<string[]>([]);

  const merge = useCallback((regions: Region[]) => {
    setKnown((prev) => {
      const next = new Map(prev);
      // Re-insert in server order so siblings keep the order the server gave.
      for (const r of regions) next.delete(r.id);
      for (const r of regions) next.set(r.id, r);
      return next;
    });
  }, []);

  const loadChildren = useCallback(
    async (parentId: string, fresh = false) => {
      const q = childRegionsQuery(parentId);
      if (fresh) await qc.invalidateQueries({ queryKey: q.queryKey });
      const kids = await qc.fetchQuery(q);
      merge(kids);
      setLoaded((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
      return kids;
    },
    [qc, merge],
  );

  const rootItems = roots.data;
  const treeData = useMemo(() => {
    const all = new Map<string, Region>();
    for (const r of rootItems ?? []) all.set(r.id, r);
    for (const [id, r] of known) if (!all.has(id)) all.set(id, r);
    const byParent = new Map<string, Region[]>();
    for (const r of all.values()) {
      if (!r.parentId) continue;
      const list = byParent.get(r.parentId) ?? [];
      list.push(r);
      byParent.set(r.parentId, list);
    }
    const build = (r: Region, seen: Set<string>): RegionNode => {
      seen.add(r.id);
      const kids = (byParent.get(r.id) ?? []).filter((k) => !seen.has(k.id));
      return {
        key: r.id,
        value: r.id,
        title: r.name,
        isLeaf: !r.hasChildren,
        region: r,
        children: kids.length > 0 ? kids.map((k) => build(k, seen)) : undefined,
      };
    };
    const seen = new Set<string>();
    return (rootItems ?? []).map((r) => build(r, seen));
  }, [rootItems, known]);

  const find = useCallback(
    (id: string): Region | undefined => rootItems?.find((r) => r.id === id) ?? known.get(id),
    [rootItems, known],
  );

  /**
   * Places a region (and the ancestors between it and a root) in the tree
   * before its levels are opened, so a picker can show a stored value.
   */
  const placePath = useCallback(
    (path: Region[]) => {
      const rootIds = new Set((rootItems ?? []).map((r) => r.id));
      const start = path.findIndex((r) => rootIds.has(r.id));
      if (start >= 0) merge(path.slice(start + 1));
    },
    [rootItems, merge],
  );

  return {
    treeData,
    loadedKeys: loaded,
    loadChildren,
    find,
    placePath,
    isLoading: roots.isLoading,
    error: roots.error,
    refetchRoots: roots.refetch,
  };
};
