import { Flex, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { applicationStatuses } from "../../../../common/policy.schema";
import { SearchBox } from "../../../components/SearchBox";
import { useExtensions } from "../../../lib/extensions";
import type { ListState } from "../../../lib/list-state";
import { ClausePicker } from "./pickers";

export const applicationFilterKeys = ["clauseId", "status", "parkId", "year", "enterpriseId"] as const;
export type ApplicationFilterKey = (typeof applicationFilterKeys)[number];

/** The years a claim may be for: this year and the five before it. */
export const recentYears = (): number[] => {
  const now = dayjs().year();
  return Array.from({ length: 6 }, (_, i) => now - i);
};

/** Search, clause, status, park and year, kept in the URL; a firm user's list has no park to pick. */
export const ApplicationFilters = ({
  list,
  firmUser,
}: {
  list: ListState<ApplicationFilterKey>;
  firmUser: boolean;
}) => {
  const { t } = useTranslation("policies");
  const { ParkPicker } = useExtensions();
  const f = list.query;
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox
        value={f.q}
        onSearch={(q) => list.update({ q })}
        placeholder={t("apps.searchPh")}
        width={260}
      />
      <ClausePicker
        value={f.clauseId ?? null}
        onChange={(clauseId) => list.update({ clauseId })}
        allowClear
        placeholder={t("apps.clauseAll")}
        style={{ width: 240 }}
      />
      <Select<string>
        value={f.status ?? undefined}
        onChange={(status) => list.update({ status })}
        allowClear
        placeholder={t("apps.statusAll")}
        aria-label={t("field.statusCol")}
        options={applicationStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 150 }}
      />
      {!firmUser && (
        <ParkPicker
          value={f.parkId ?? null}
          onChange={(parkId) => list.update({ parkId })}
          allowClear
          placeholder={t("apps.parkAll")}
          style={{ width: 220 }}
        />
      )}
      <Select<number>
        value={f.year ? Number(f.year) : undefined}
        onChange={(year) => list.update({ year })}
        allowClear
        placeholder={t("apps.yearAll")}
        aria-label={t("field.year")}
        options={recentYears().map((y) => ({ value: y, label: String(y) }))}
        style={{ width: 110 }}
      />
    </Flex>
  );
};
