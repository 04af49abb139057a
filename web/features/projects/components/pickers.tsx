import { useDeferredValue, useMemo, useState } from "react";
import type { Role } from "../../../../common/enums";
import { SearchSelect } from "../../../components/SearchSelect";
import { useInvestorSearch, usePeople, useProjectTeams } from "../api/reference.api";

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The stored choice's name, shown before any search has run. */
  storedName?: string | null;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

/** Options from a search, plus the stored value's own label when the search did not bring it. */
const withStored = (
  list: { value: string; label: string }[],
  value?: string | null,
  storedName?: string | null,
) =>
  value && storedName && !list.some((o) => o.value === value)
    ? [{ value, label: storedName }, ...list]
    : list;

/** The investor: a firm of the registry, found by name fragment or pinyin (jr → 晶睿). */
export const InvestorPicker = ({ storedName, ...props }: Props) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const firms = useInvestorSearch(q);
  const options = useMemo(
    () =>
      withStored(
        (firms.data ?? []).map((f) => ({
          value: f.id,
          label: f.parkName ? `${f.name}（${f.parkName}）` : f.name,
        })),
        props.value,
        storedName,
      ),
    [firms.data, props.value, storedName],
  );
  return <SearchSelect {...props} options={options} loading={firms.isFetching} onSearch={setSearch} />;
};

/** A colleague of one role (招商专员 for a project, anyone credited in a share). */
export const PersonPicker = ({ storedName, personRole, ...props }: Props & { personRole: Role }) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const people = usePeople(personRole, q);
  const options = useMemo(
    () =>
      withStored(
        (people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.username}）` })),
        props.value,
        storedName,
      ),
    [people.data, props.value, storedName],
  );
  return (
    <SearchSelect allowClear {...props} options={options} loading={people.isFetching} onSearch={setSearch} />
  );
};

/** A 小分队 of the user's region, the one a project is registered by or credited to. */
export const ProjectTeamPicker = ({ storedName, ...props }: Props) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const teams = useProjectTeams(q);
  const options = useMemo(
    () =>
      withStored(
        (teams.data ?? []).map((x) => ({ value: x.id, label: x.name })),
        props.value,
        storedName,
      ),
    [teams.data, props.value, storedName],
  );
  return <SearchSelect {...props} options={options} loading={teams.isFetching} onSearch={setSearch} />;
};
