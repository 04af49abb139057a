import { type CSSProperties, useDeferredValue, useMemo, useState } from "react";
import type { ClauseRow } from "../../../../common/policy.schema";
import { SearchSelect } from "../../../components/SearchSelect";
import { type FirmOption, useClauses, useFirmSearch } from "../api/clauses.api";

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

/** A clause by its name, policy or document number (GET /api/policy-clauses?q=). */
export const ClausePicker = ({
  storedName,
  onPicked,
  onChange,
  activeOnly,
  ...props
}: Props<ClauseRow> & { activeOnly?: boolean }) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useClauses({ q: q || undefined, pageSize: 20, active: activeOnly ? "true" : undefined });
  const options = useMemo(
    () =>
      withStored(
        (found.data?.items ?? []).map((c) => ({
          value: c.id,
          label: c.clauseNo ? `${c.name}（${c.clauseNo}）` : c.name,
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
        onPicked?.(found.data?.items.find((c) => c.id === id) ?? null);
      }}
    />
  );
};
