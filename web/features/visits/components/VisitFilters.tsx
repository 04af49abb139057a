import { DatePicker, Flex, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { type VisitMethod, visitMethods } from "../../../../common/visit.schema";
import { FirmPicker } from "../../../components/pickers";
import { SearchBox } from "../../../components/SearchBox";
import { useExtensions } from "../../../lib/extensions";
import type { ListState } from "../../../lib/list-state";
import { VisitorFilter } from "./pickers";

export const visitFilterKeys = ["enterpriseId", "visitorId", "parkId", "method", "from", "to"] as const;
export type VisitFilterKey = (typeof visitFilterKeys)[number];

/** Firm, visitor, park, method and date range, kept in the URL; the search looks in the findings too. */
export const VisitFilters = ({
  list,
  visitorName,
}: {
  list: ListState<VisitFilterKey>;
  /** the filtered visitor's name, from the rows shown */
  visitorName?: string | null;
}) => {
  const { t } = useTranslation("visits");
  const { ParkPicker } = useExtensions();
  const f = list.query;
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox
        value={f.q}
        onSearch={(q) => list.update({ q })}
        placeholder={t("list.searchPh")}
        width={240}
      />
      <FirmPicker
        value={f.enterpriseId ?? null}
        onChange={(enterpriseId) => list.update({ enterpriseId })}
        placeholder={t("list.enterpriseAll")}
        allowClear
        style={{ width: 220 }}
      />
      <VisitorFilter
        value={f.visitorId}
        onChange={(visitorId) => list.update({ visitorId })}
        placeholder={t("list.visitorAll")}
        storedName={visitorName}
        style={{ width: 140 }}
      />
      <ParkPicker
        value={f.parkId ?? null}
        onChange={(parkId) => list.update({ parkId })}
        placeholder={t("list.parkAll")}
        style={{ width: 180 }}
      />
      <Select<VisitMethod>
        value={(f.method as VisitMethod | undefined) ?? undefined}
        onChange={(method) => list.update({ method })}
        allowClear
        placeholder={t("list.methodAll")}
        aria-label={t("field.method")}
        options={visitMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        style={{ width: 120 }}
      />
      <DatePicker.RangePicker
        value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
        onChange={(range) =>
          list.update({
            from: range?.[0]?.format("YYYY-MM-DD"),
            to: range?.[1]?.format("YYYY-MM-DD"),
          })
        }
        allowEmpty={[true, true]}
        placeholder={[t("list.from"), t("list.to")]}
        aria-label={t("list.dateRange")}
        style={{ width: 260 }}
      />
    </Flex>
  );
};
