import { TreeSelect, Typography } from "antd";
import { Fragment, type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PickerProps } from "../../../lib/extensions";
import { useRegion, useRegionSearch } from "../api/regions.api";
import { useRegionTree } from "./useRegionTree";

interface PickerNode {
  value: string;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
  children?: PickerNode[];
}

/** Waits for typing to pause so each keystroke does not hit the server. */
const useDebounced = (value: string, ms: number) => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};

/**
 * Picks a region or platform from the user's scope; levels load as they open.
 * Typing searches the server (GET /api/regions?q=) because the lazy tree only
 * holds the branches already opened; matches show flat, with their code.
 */
export const RegionPicker = ({ value, onChange, placeholder, allowClear = true, ...rest }: PickerProps) => {
  const { t } = useTranslation("org");
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 250);
  const searching = search.trim().length > 0;
  const found = useRegionSearch(q);
  // A stored value whose level is not open yet: fetch it with its ancestors to name it.
  const detail = useRegion(value);
  const path = useMemo(() => (detail.data ? [...detail.data.ancestors, detail.data] : []), [detail.data]);
  const tree = useRegionTree(path);

  const treeData = useMemo((): PickerNode[] => {
    if (searching) {
      return (found.data ?? []).map((r) => ({
        value: r.id,
        label: r.name,
        isLeaf: true,
        title: (
          <span>
            {r.name}
            {r.code ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {r.code}
              </Typography.Text>
            ) : null}
          </span>
        ),
      }));
    }
    type TreeNode = (typeof tree.treeData)[number];
    const toPicker = (n: TreeNode): PickerNode => ({
      value: n.value,
      title: n.title,
      label: n.title,
      isLeaf: n.isLeaf,
      children: n.children?.map(toPicker),
    });
    return tree.treeData.map(toPicker);
  }, [searching, found.data, tree.treeData]);

  const searchPending = searching && (q !== search.trim() || found.isFetching);

  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      loadData={(node) =>
        searching ? Promise.resolve() : tree.loadChildren(String(node.value)).then(() => undefined)
      }
      treeLoadedKeys={searching ? treeData.map((n) => n.value) : tree.loadedKeys}
      placeholder={placeholder ?? t("common.regionPh")}
      allowClear={allowClear}
      loading={tree.isLoading || searchPending}
      // Enter chooses the first node whose label holds the typed text (server matches do).
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        filterTreeNode: false,
        treeNodeFilterProp: "label",
      }}
      notFoundContent={searchPending ? t("common.searching") : undefined}
      // The list picks its keyboard-active node (what Enter chooses) only when it opens or the
      // text changes, not when server matches arrive later: remount it as they arrive.
      popupRender={(menu) => (
        <Fragment key={searching ? `${q}:${found.dataUpdatedAt}` : "tree"}>{menu}</Fragment>
      )}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxHeight: 420, overflow: "auto" } } }}
      treeNodeLabelProp="label"
    />
  );
};
