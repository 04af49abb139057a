import { useQueries, useQueryClient } from "@tanstack/react-query";
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
 * Every level lives in the TanStack Query cache; this hook only remembers
 * which nodes have been opened. `path` (a stored value and its ancestors,
 * from GET /api/regions/:id) is placed in the tree before its levels open,
 * so a picker can show the value's name.
 */
export const useRegionTree = (path: Region[] = []) => {
  const qc = useQueryClient();
  const roots = useRootRegions();
  const [opened, setOpened] = useState<string[]>([]);
  // combine keeps one array identity while no level changes.
  const levelData = useQueries({
    queries: opened.map((id) => childRegionsQuery(id)),
    combine: (results) => results.map((r) => r.data),
  });

  const loadChildren = useCallback(
    async (parentId: string, fresh = false) => {
      const q = childRegionsQuery(parentId);
      if (fresh) await qc.invalidateQueries({ queryKey: q.queryKey });
      await qc.fetchQuery(q);
      setOpened((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
    },
    [qc],
  );

  const rootItems = roots.data;
  const { treeData, byId } = useMemo(() => {
    const all = new Map<string, Region>();
    for (const r of rootItems ?? []) all.set(r.id, r);
    // Only the part of a stored path below a root the user can see.
    const rootIds = new Set((rootItems ?? []).map((r) => r.id));
    const start = path.findIndex((r) => rootIds.has(r.id));
    for (const r of start >= 0 ? path.slice(start + 1) : []) if (!all.has(r.id)) all.set(r.id, r);
    for (const level of levelData) for (const r of level ?? []) all.set(r.id, r);
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
        isLeaf: !r.hasChildren && kids.length === 0,
        region: r,
        children: kids.length > 0 ? kids.map((k) => build(k, seen)) : undefined,
      };
    };
    const seen = new Set<string>();
    return { treeData: (rootItems ?? []).map((r) => build(r, seen)), byId: all };
  }, [rootItems, path, levelData]);

  const find = useCallback((id: string): Region | undefined => byId.get(id), [byId]);

  return {
    treeData,
    loadedKeys: opened,
    loadChildren,
    find,
    isLoading: roots.isLoading,
    error: roots.error,
    refetchRoots: roots.refetch,
  };
};
