import { type CSSProperties, useDeferredValue, useMemo, useState } from "react";
import type { ProblemRow } from "../../../../common/problem.schema";
import { SearchSelect } from "../../../components/SearchSelect";
import {
  type ProjectOption,
  useEligibleDepartments,
  useProblems,
  useProjectSearch,
} from "../api/problems.api";

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

/** A project of the user's scope, found by name or code (GET /api/projects?q=). */
export const ProjectPicker = ({ storedName, onPicked, onChange, ...props }: Props<ProjectOption>) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useProjectSearch(q);
  const options = useMemo(
    () =>
      withStored(
        (found.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` })),
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
        onPicked?.(found.data?.find((p) => p.id === id) ?? null);
      }}
    />
  );
};

/**
 * A department a problem of the region may go to: the region's, those above it (a city bureau
 * acting on a zone's project) and below it. /api/departments lists a park officer none, so this
 * asks the problems API.
 */
export const AssignDepartmentPicker = ({
  regionId,
  storedName,
  onPicked: _p,
  ...props
}: Props<never> & { regionId: string | null | undefined }) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useEligibleDepartments(regionId, q);
  const options = useMemo(
    () =>
      withStored(
        (found.data ?? []).map((d) => ({ value: d.id, label: d.name })),
        props.value,
        storedName,
      ),
    [found.data, props.value, storedName],
  );
  return (
    <SearchSelect
      {...props}
      disabled={props.disabled || !regionId}
      options={options}
      loading={found.isFetching}
      onSearch={setSearch}
    />
  );
};

/** A problem of the user's scope, by its wording or its project's name (for a meeting's items). */
export const ProblemPicker = ({ onPicked, onChange, storedName, ...props }: Props<ProblemRow>) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useProblems({ q: q || undefined, pageSize: 30, sort: "updatedAt", order: "desc" });
  const items = found.data?.items;
  const options = useMemo(
    () =>
      withStored(
        (items ?? []).map((p) => ({ value: p.id, label: `${p.title} · ${p.subjectName ?? ""}` })),
        props.value,
        storedName,
      ),
    [items, props.value, storedName],
  );
  return (
    <SearchSelect
      {...props}
      options={options}
      loading={found.isFetching}
      onSearch={setSearch}
      onChange={(id) => {
        onChange?.(id);
        onPicked?.(items?.find((p) => p.id === id) ?? null);
      }}
    />
  );
};
