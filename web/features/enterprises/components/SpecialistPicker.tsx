import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { SearchSelect } from "../../../components/SearchSelect";
import { usePeople } from "../api/reference.api";

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The stored specialist's name, shown before any search has run. */
  storedName?: string | null;
  id?: string;
  disabled?: boolean;
}

/** A service specialist (服务专员), from GET /api/people, which officers may call too. */
export const SpecialistPicker = ({ storedName, ...props }: Props) => {
  const { t } = useTranslation("enterprises");
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const people = usePeople("service_specialist", q);
  const options = useMemo(() => {
    const list = (people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.username}）` }));
    if (props.value && storedName && !list.some((o) => o.value === props.value)) {
      list.unshift({ value: props.value, label: storedName });
    }
    return list;
  }, [people.data, props.value, storedName]);
  return (
    <SearchSelect
      allowClear
      placeholder={t("field.specialistPh")}
      {...props}
      options={options}
      loading={people.isFetching}
      onSearch={setSearch}
    />
  );
};
