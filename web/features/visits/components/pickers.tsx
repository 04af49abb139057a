import { Select } from "antd";
import { type CSSProperties, useDeferredValue, useMemo, useState } from "react";
import { SearchSelect } from "../../../components/SearchSelect";
import { type FirmOption, useFirm, useFirmSearch, useVisitors } from "../api/reference.api";

interface FirmProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** the chosen firm, for forms that need more than its id */
  onPicked?: (firm: FirmOption | null) => void;
  /** the stored choice's name, shown before any search has run */
  storedName?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
}

/** A firm of the user's scope, by name fragment, pinyin or USCC (GET /api/enterprises?q=). */
export const FirmPicker = ({ storedName, onPicked, onChange, ...props }: FirmProps) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useFirmSearch(q);
  // A value from the URL with no name yet: ask for the firm itself.
  const inList = Boolean(props.value && found.data?.some((f) => f.id === props.value));
  const one = useFirm(props.value && !inList && !storedName ? props.value : null);
  const options = useMemo(() => {
    const list = (found.data ?? []).map((f) => ({
      value: f.id,
      label: f.parkName ? `${f.name}（${f.parkName}）` : f.name,
    }));
    const name = storedName ?? one.data?.name;
    if (props.value && name && !list.some((o) => o.value === props.value))
      list.unshift({ value: props.value, label: name });
    return list;
  }, [found.data, props.value, storedName, one.data]);
  return (
    <SearchSelect
      {...props}
      options={options}
      loading={found.isFetching}
      onSearch={setSearch}
      onChange={(id) => {
        onChange?.(id);
        onPicked?.(found.data?.find((f) => f.id === id) ?? null);
      }}
    />
  );
};

/** One visitor (service specialist, officer or team lead), for the list's 走访人 filter. */
export const VisitorFilter = ({
  value,
  onChange,
  placeholder,
  storedName,
  style,
}: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  placeholder: string;
  storedName?: string | null;
  style?: CSSProperties;
}) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const { people, loading } = useVisitors(q);
  const options = people.map((p) => ({ value: p.id, label: p.name }));
  if (value && storedName && !options.some((o) => o.value === value))
    options.unshift({ value, label: storedName });
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      onClear={() => setSearch("")}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={loading}
      placeholder={placeholder}
      aria-label={placeholder}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
};
