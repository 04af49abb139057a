import { useDeferredValue, useMemo, useState } from "react";
import { SearchSelect } from "../../../components/SearchSelect";
import type { PickerProps } from "../../../lib/extensions";
import { useUser, useUsers } from "../api/users.api";

/** Picks a user by username, name or phone. */
export const UserPicker = ({ regionId: _r, excludeId, ...props }: PickerProps) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search);
  const list = useUsers({ q: q || undefined, pageSize: 50 });
  const items = list.data?.items;
  const inList = Boolean(props.value && items?.some((u) => u.id === props.value));
  const one = useUser(props.value && !inList ? props.value : null);
  const options = useMemo(() => {
    const all = [...(items ?? [])];
    const stored = one.data;
    if (stored && !all.some((u) => u.id === stored.id)) all.unshift(stored);
    return all
      .filter((u) => u.id !== excludeId)
      .map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` }));
  }, [items, one.data, excludeId]);
  return (
    <SearchSelect allowClear {...props} options={options} loading={list.isFetching} onSearch={setSearch} />
  );
};
