import { TreeSelect } from "antd";
import type { CSSProperties } from "react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { IndustryNode } from "../../../../common/enterprise.schema";
import { useIndustries } from "../api/reference.api";

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  disabled?: boolean;
}

interface Option {
  value: string;
  label: string;
  name: string;
  children?: Option[];
}

const toOptions = (nodes: IndustryNode[]): Option[] =>
  nodes.map((n) => ({
    value: n.code,
    label: `${n.code} ${n.name}`,
    name: n.name,
    children: n.children ? toOptions(n.children) : undefined,
  }));

/**
 * C3985 and 3985 both match the class (the section letter is implied by the
 * digits); names match anywhere ("电子" finds every electronics branch).
 */
export const matchesIndustry = (input: string, code: string, name: string): boolean => {
  const q = input.trim();
  if (!q) return true;
  const upper = q.toUpperCase();
  if (code.startsWith(upper)) return true;
  if (/^\d+$/.test(q) && code.slice(1).startsWith(q)) return true;
  return name.includes(q);
};

/** GB/T 4754-2017 industries: every level can be chosen; typing searches code and name. */
export const IndustryPicker = ({ value, onChange, placeholder, ...rest }: Props) => {
  const { t } = useTranslation("enterprises");
  const { data, isLoading } = useIndustries();
  const options = useMemo(() => toOptions(data ?? []), [data]);
  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={options}
      loading={isLoading}
      allowClear
      placeholder={placeholder ?? t("field.industryPh")}
      showSearch={{
        filterTreeNode: (input, node) => matchesIndustry(input, String(node.value), String(node.name)),
      }}
      treeNodeLabelProp="label"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 360, maxWidth: 520 } } }}
      listHeight={360}
    />
  );
};
