import { Checkbox, Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import { SearchBox } from "../../../components/SearchBox";
import { useExtensions } from "../../../lib/extensions";
import type { ListState } from "../../../lib/list-state";

export const clauseFilterKeys = ["regionId", "active", "fairReview"] as const;
export type ClauseFilterKey = (typeof clauseFilterKeys)[number];

/** Search, region, active and the 公平竞争审查 switch, kept in the URL. */
export const ClauseFilters = ({ list }: { list: ListState<ClauseFilterKey> }) => {
  const { t } = useTranslation("policies");
  const { RegionPicker } = useExtensions();
  const f = list.query;
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox
        value={f.q}
        onSearch={(q) => list.update({ q })}
        placeholder={t("clauses.searchPh")}
        width={280}
      />
      <RegionPicker
        value={f.regionId ?? null}
        onChange={(regionId) => list.update({ regionId })}
        allowClear
        placeholder={t("clauses.regionAll")}
        style={{ width: 220 }}
      />
      <Select<string>
        value={f.active ?? undefined}
        onChange={(active) => list.update({ active })}
        allowClear
        placeholder={t("clauses.activeAll")}
        aria-label={t("field.active")}
        options={[
          { value: "true", label: t("field.activeOn") },
          { value: "false", label: t("field.activeOff") },
        ]}
        style={{ width: 120 }}
      />
      <Checkbox
        checked={f.fairReview === "yes"}
        onChange={(e) => list.update({ fairReview: e.target.checked ? "yes" : undefined })}
      >
        {t("clauses.fairOnly")}
      </Checkbox>
    </Flex>
  );
};
