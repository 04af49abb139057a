import { Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import {
  type EnterpriseLabel,
  type EnterpriseStatus,
  enterpriseLabels,
  enterpriseStatuses,
  type SizeClass,
  sizeClasses,
} from "../../../../common/enums";
import { SearchBox } from "../../../components/SearchBox";
import { useExtensions } from "../../../lib/extensions";
import type { ListState } from "../../../lib/list-state";
import { IndustryPicker } from "./IndustryPicker";

export const enterpriseFilterKeys = [
  "parkId",
  "industry",
  "label",
  "sizeClass",
  "status",
  "registered",
] as const;
export type EnterpriseFilterKey = (typeof enterpriseFilterKeys)[number];

/** One search box for name, pinyin and USCC, then the filters, all kept in the URL. */
export const EnterpriseFilters = ({ list }: { list: ListState<EnterpriseFilterKey> }) => {
  const { t } = useTranslation("enterprises");
  const { ParkPicker } = useExtensions();
  const f = list.query;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <SearchBox
        value={f.q}
        onSearch={(q) => list.update({ q })}
        placeholder={t("list.searchPh")}
        width={310}
      />
      <ParkPicker
        value={f.parkId ?? null}
        onChange={(parkId) => list.update({ parkId })}
        placeholder={t("list.parkAll")}
        style={{ width: 165 }}
      />
      <IndustryPicker
        value={f.industry ?? null}
        onChange={(industry) => list.update({ industry })}
        placeholder={t("list.industryAll")}
        style={{ width: 165 }}
      />
      <Select<EnterpriseLabel>
        value={(f.label as EnterpriseLabel | undefined) ?? undefined}
        onChange={(label) => list.update({ label })}
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        placeholder={t("list.labelAll")}
        options={enterpriseLabels.map((l) => ({ value: l, label: t(`enums:enterpriseLabel.${l}`) }))}
        style={{ width: 125 }}
        popupMatchSelectWidth={false}
      />
      <Select<SizeClass>
        value={(f.sizeClass as SizeClass | undefined) ?? undefined}
        onChange={(sizeClass) => list.update({ sizeClass })}
        allowClear
        placeholder={t("list.sizeAll")}
        options={sizeClasses.map((x) => ({ value: x, label: t(`enums:sizeClass.${x}`) }))}
        style={{ width: 105 }}
      />
      <Select<EnterpriseStatus>
        value={(f.status as EnterpriseStatus | undefined) ?? undefined}
        onChange={(status) => list.update({ status })}
        allowClear
        placeholder={t("list.statusAll")}
        options={enterpriseStatuses.map((x) => ({ value: x, label: t(`enums:enterpriseStatus.${x}`) }))}
        style={{ width: 105 }}
      />
      <Select<"yes" | "no">
        value={(f.registered as "yes" | "no" | undefined) ?? undefined}
        onChange={(registered) => list.update({ registered })}
        allowClear
        placeholder={t("list.registeredAll")}
        options={[
          { value: "yes", label: t("list.registered") },
          { value: "no", label: t("list.unregistered") },
        ]}
        style={{ width: 110 }}
        popupMatchSelectWidth={false}
      />
    </Flex>
  );
};
