import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { PickerProps } from "../../../lib/extensions";
import { useRegion } from "../api/regions.api";
import { useRegionTree } from "./useRegionTree";

/** Picks a region or platform from the user's scope; levels load as they open. */
export const RegionPicker = ({ value, onChange, placeholder, allowClear = true, ...rest }: PickerProps) => {
  const { t } = useTranslation("org");
  // A stored value whose level is not open yet: fetch it with its ancestors to name it.
  const detail = useRegion(value);
  const path = useMemo(() => (detail.data ? [...detail.data.ancestors, detail.data] : []), [detail.data]);
  const tree = useRegionTree(path);

  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={tree.treeData}
      loadData={(node) => tree.loadChildren(String(node.value)).then(() => undefined)}
      treeLoadedKeys={tree.loadedKeys}
      placeholder={placeholder ?? t("common.regionPh")}
      allowClear={allowClear}
      loading={tree.isLoading}
      showSearch={{ treeNodeFilterProp: "title" }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxHeight: 420, overflow: "auto" } } }}
      treeNodeLabelProp="title"
    />
  );
};
