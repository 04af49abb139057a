import { type CSSProperties, useDeferredValue, useMemo, useState } from "react";
import { SearchSelect } from "../../../components/SearchSelect";
import { type FirmOption, useAppealDepartments, useFirmSearch } from "../api/appeals.api";

interface Props<T> {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** the chosen record, for forms that need more than its id */
  onPicked?: (row: T | null) => void;
  /** the stored choice's name, shown before any search has run */
  storedName?: string | null;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}

const withStored = (
  list: { value: string; label: string }[],
  value?: string | null,
  storedName?: string | null,
) =>
  value && storedName && !list.some((o) => o.value === value)
    ? [{ value, label: storedName }, ...list]
    : list;

/** A firm of the user's scope, by name, pinyin or USCC (GET /api/enterprises?q=). */
export const FirmPicker = ({ storedName, onPicked, onChange, ...props }: Props<FirmOption>) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useFirmSearch(q);
  const options = useMemo(
    () =>
      withStored(
        (found.data ?? []).map((f) => ({
          value: f.id,
          label: f.parkName ? `${f.name}（${f.parkName}）` : f.name,
        })),
        props.value,
        storedName,
      ),
    [found.data, props.value, storedName],
  );
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

/**
 * A department an appeal of this firm may go to, as the server lists them (GET
 * /api/appeal-departments): the firm's region's, those above it and below it.
 */
export const RouteDepartmentPicker = ({
  enterpriseId,
  storedName,
  onPicked: _p,
  ...props
}: Props<never> & { enterpriseId: string | null | undefined }) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useAppealDepartments(enterpriseId, q);
  const options = useMemo(
    () =>
      withStored(
        (found.data ?? []).map((d) => ({
          value: d.id,
          label: d.regionName && !d.name.startsWith(d.regionName) ? `${d.name}（${d.regionName}）` : d.name,
        })),
        props.value,
        storedName,
      ),
    [found.data, props.value, storedName],
  );
  return (
    <SearchSelect
      {...props}
      disabled={props.disabled || !enterpriseId}
      options={options}
      loading={found.isFetching}
      onSearch={setSearch}
    />
  );
};
