import { Select, Spin } from "antd";
import type { CSSProperties } from "react";

export interface SearchOption {
  value: string;
  label: string;
}

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  options: SearchOption[];
  loading?: boolean;
  onSearch: (q: string) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
}

/** A single-choice select whose options come from a server search. */
export const SearchSelect = ({ value, onChange, options, loading, onSearch, ...rest }: Props) => (
  <Select<string>
    {...rest}
    showSearch={{ filterOption: false, onSearch }}
    value={value ?? undefined}
    onChange={(v) => onChange?.(v ?? null)}
    onClear={() => onSearch("")}
    options={options}
    notFoundContent={loading ? <Spin size="small" /> : undefined}
    loading={loading}
  />
);
