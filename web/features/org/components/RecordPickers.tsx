import type { UseQueryResult } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Page } from "../../../../common/paging";
import { SearchSelect } from "../../../components/SearchSelect";
import type { QueryParams } from "../../../lib/api";
import type { PickerProps } from "../../../lib/extensions";
import { useDepartment, useDepartments } from "../api/departments.api";
import { usePark, useParks } from "../api/parks.api";
import { useTeam, useTeams } from "../api/teams.api";

interface Named {
  id: string;
  name: string;
  regionName?: string;
}

/** Options from a server search, plus the stored value's own label when it is not among them. */
const useRecordOptions = <T extends Named>(
  useList: (q: QueryParams, enabled?: boolean) => UseQueryResult<Page<T>>,
  useOne: (id: string | null | undefined) => UseQueryResult<T>,
  props: PickerProps,
) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search);
  const list = useList({ q: q || undefined, regionId: props.regionId ?? undefined, pageSize: 50 });
  const items = list.data?.items;
  const inList = Boolean(props.value && items?.some((i) => i.id === props.value));
  const one = useOne(props.value && !inList ? props.value : null);
  const options = useMemo(() => {
    const all = [...(items ?? [])];
    const stored = one.data;
    if (stored && !all.some((i) => i.id === stored.id)) all.unshift(stored);
    return all
      .filter((i) => i.id !== props.excludeId)
      .map((i) => ({
        value: i.id,
        label: i.regionName && i.regionName !== i.name ? `${i.name}（${i.regionName}）` : i.name,
      }));
  }, [items, one.data, props.excludeId]);
  const { regionId: _r, excludeId: _e, ...selectProps } = props;
  return { ...selectProps, options, loading: list.isFetching, onSearch: setSearch };
};

export const ParkPicker = (props: PickerProps) => {
  const { t } = useTranslation("org");
  const o = useRecordOptions(useParks, usePark, props);
  return <SearchSelect allowClear placeholder={t("teams.park")} {...o} />;
};

export const TeamPicker = (props: PickerProps) => {
  const { t } = useTranslation("org");
  const o = useRecordOptions(useTeams, useTeam, props);
  return <SearchSelect allowClear placeholder={t("teams.title")} {...o} />;
};

export const DepartmentPicker = (props: PickerProps) => {
  const { t } = useTranslation("org");
  const o = useRecordOptions(useDepartments, useDepartment, props);
  return <SearchSelect allowClear placeholder={t("departments.title")} {...o} />;
};
