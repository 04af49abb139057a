import { Select } from "antd";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { SearchSelect } from "../../../components/SearchSelect";
import { useExpertAccounts, useFirmSearch, useFirms } from "../api/reference.api";

interface Single {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  disabled?: boolean;
}

/** The expert's own login account, among the accounts holding the expert role. */
export const ExpertAccountPicker = (props: Single) => {
  const { t } = useTranslation("reviews");
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const accounts = useExpertAccounts(q);
  const options = useMemo(() => {
    const list = (accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.username}）` }));
    // An account outside the first page of results still shows as linked.
    if (props.value && !q && !list.some((o) => o.value === props.value)) {
      list.unshift({ value: props.value, label: t("field.accountLinked") });
    }
    return list;
  }, [accounts.data, props.value, q, t]);
  return (
    <SearchSelect
      allowClear
      placeholder={t("field.accountPh")}
      {...props}
      options={options}
      loading={accounts.isFetching}
      onSearch={setSearch}
    />
  );
};

interface Multi {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  disabled?: boolean;
}

/** Firms of the registry the expert is tied to, found by name, pinyin or USCC. */
export const TiedFirmsPicker = ({ value = [], onChange, ...rest }: Multi) => {
  const { t } = useTranslation("reviews");
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useFirmSearch(q);
  const stored = useFirms(value);
  const options = useMemo(() => {
    const byId = new Map<string, string>();
    value.forEach((id, i) => {
      byId.set(id, stored[i]?.data?.name ?? (stored[i]?.isError ? t("field.tiedGone") : "…"));
    });
    for (const f of found.data ?? [])
      if (!byId.has(f.id)) byId.set(f.id, f.uscc ? `${f.name}（${f.uscc}）` : f.name);
    return [...byId.entries()].map(([v, label]) => ({ value: v, label }));
  }, [value, stored, found.data, t]);
  return (
    <Select<string[]>
      {...rest}
      mode="multiple"
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch("")}
      placeholder={t("field.tiedPh")}
      options={options}
      loading={found.isFetching}
      maxCount={50}
    />
  );
};
