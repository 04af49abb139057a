import { Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import { siteKinds, siteStatuses, stockCategories } from "../../../../common/site.schema";
import { SearchBox } from "../../../components/SearchBox";
import { useExtensions } from "../../../lib/extensions";

export const siteFilterKeys = ["parkId", "kind", "status", "stockCategory", "landUse"] as const;
export type SiteFilterKey = (typeof siteFilterKeys)[number];

interface Props {
  values: Partial<Record<SiteFilterKey | "q", string | undefined>>;
  onChange: (changes: Partial<Record<SiteFilterKey | "q", string | undefined>>) => void;
  /** the map has no text search */
  search?: boolean;
}

/** Park, kind, status and land-stock category: shared by the list and the map. */
export const SiteFilters = ({ values, onChange, search = true }: Props) => {
  const { t } = useTranslation("sites");
  const { ParkPicker } = useExtensions();
  return (
    <Flex gap={8} wrap align="center">
      {search && (
        <SearchBox
          value={values.q}
          onSearch={(q) => onChange({ q })}
          placeholder={t("list.searchPh")}
          width={240}
        />
      )}
      <ParkPicker
        value={values.parkId ?? null}
        onChange={(parkId) => onChange({ parkId: parkId ?? undefined })}
        allowClear
        placeholder={t("list.parkAll")}
        style={{ width: 220 }}
      />
      <Select<string>
        value={values.kind}
        onChange={(kind) => onChange({ kind })}
        allowClear
        aria-label={t("field.kind")}
        placeholder={t("list.kindAll")}
        options={siteKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        style={{ width: 130 }}
      />
      <Select<string>
        value={values.status}
        onChange={(status) => onChange({ status })}
        allowClear
        aria-label={t("field.status")}
        placeholder={t("list.statusAll")}
        options={siteStatuses.map((k) => ({ value: k, label: t(`status.${k}`) }))}
        style={{ width: 120 }}
      />
      <Select<string>
        value={values.stockCategory}
        onChange={(stockCategory) => onChange({ stockCategory })}
        allowClear
        aria-label={t("field.stockCategory")}
        placeholder={t("list.stockAll")}
        options={[
          { value: "any", label: t("list.stockAny") },
          ...stockCategories.map((k) => ({ value: k, label: t(`stock.${k}`) })),
        ]}
        style={{ width: 140 }}
      />
    </Flex>
  );
};
