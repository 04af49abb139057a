import { Select } from "antd";
import { type CSSProperties, useDeferredValue, useMemo, useState } from "react";
import type { Role } from "../../common/enums";
import {
  type FirmOption,
  type Person,
  useFirm,
  useFirmSearch,
  usePeople,
  usePeopleOfRoles,
} from "../lib/reference.api";
import { SearchSelect } from "./SearchSelect";

/** What a form (antd's Form.Item) or a filter bar gives a single-choice remote picker. */
export interface RemotePickerProps<T> {
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

/** The text typed into a remote picker, trimmed and deferred, and its setter. */
export const useSearchText = () => {
  const [search, setSearch] = useState("");
  return [useDeferredValue(search.trim()), setSearch] as const;
};

/** Options from a search, plus the stored value's own label when the search did not bring it. */
const withStored = (
  list: { value: string; label: string }[],
  value?: string | null,
  storedName?: string | null,
) =>
  value && storedName && !list.some((o) => o.value === value)
    ? [{ value, label: storedName }, ...list]
    : list;

/**
 * A SearchSelect over the rows a server search brought, each labelled by `label` (a function
 * defined once, outside the component). The feature's picker runs the search and passes its rows.
 */
export const RemotePicker = <T extends { id: string }>({
  rows,
  loading,
  label,
  onSearch,
  storedName,
  onPicked,
  onChange,
  ...props
}: RemotePickerProps<T> & {
  rows: readonly T[] | undefined;
  loading: boolean;
  label: (row: T) => string;
  onSearch: (q: string) => void;
}) => {
  const options = useMemo(
    () =>
      withStored(
        (rows ?? []).map((r) => ({ value: r.id, label: label(r) })),
        props.value,
        storedName,
      ),
    [rows, label, props.value, storedName],
  );
  return (
    <SearchSelect
      {...props}
      options={options}
      loading={loading}
      onSearch={onSearch}
      onChange={(id) => {
        onChange?.(id);
        onPicked?.(rows?.find((r) => r.id === id) ?? null);
      }}
    />
  );
};

const firmLabel = (f: FirmOption) => (f.parkName ? `${f.name}（${f.parkName}）` : f.name);

/**
 * A firm of the user's scope, by name fragment, pinyin or USCC (GET /api/enterprises?q=). A value
 * with no name yet (a filter read from the URL) asks for the firm itself.
 */
export const FirmPicker = ({ storedName, ...props }: RemotePickerProps<FirmOption>) => {
  const [q, setSearch] = useSearchText();
  const found = useFirmSearch(q);
  const inList = Boolean(props.value && found.data?.some((f) => f.id === props.value));
  const one = useFirm(props.value && !inList && !storedName ? props.value : null);
  return (
    <RemotePicker
      {...props}
      storedName={storedName ?? one.data?.name}
      rows={found.data}
      loading={found.isFetching}
      label={firmLabel}
      onSearch={setSearch}
    />
  );
};

const personLabel = (p: Person) => `${p.name}（${p.username}）`;

/** A colleague of one role (招商专员 for a project, 服务专员 for a firm), from GET /api/people. */
export const PersonPicker = ({ personRole, ...props }: RemotePickerProps<Person> & { personRole: Role }) => {
  const [q, setSearch] = useSearchText();
  const people = usePeople(personRole, q);
  return (
    <RemotePicker
      allowClear
      {...props}
      rows={people.data}
      loading={people.isFetching}
      label={personLabel}
      onSearch={setSearch}
    />
  );
};

/** One colleague of any of `roles`, for a list's filter bar (走访人, 参与人). */
export const PersonFilter = ({
  roles,
  value,
  onChange,
  placeholder,
  storedName,
  style,
}: {
  roles: readonly Role[];
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  placeholder: string;
  storedName?: string | null;
  style?: CSSProperties;
}) => {
  const [q, setSearch] = useSearchText();
  const { people, loading } = usePeopleOfRoles(roles, q);
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
