import { Checkbox, DatePicker, Flex, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { type ActivityKind, activityKinds } from "../../../../common/activity.schema";
import { SearchBox } from "../../../components/SearchBox";
import type { ListState } from "../../../lib/list-state";
import { ParkSelect, ParticipantFilter, TeamSelect } from "./pickers";

export const activityFilterKeys = ["kind", "from", "to", "officer", "parkId", "teamId", "leads"] as const;
export type ActivityFilterKey = (typeof activityFilterKeys)[number];

/** One search box, then kind, period, participant, park, team and "brought leads", all in the URL. */
export const ActivityFilters = ({ list }: { list: ListState<ActivityFilterKey> }) => {
  const { t } = useTranslation("activities");
  const f = list.query;
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox
        value={f.q}
        onSearch={(q) => list.update({ q })}
        placeholder={t("list.searchPh")}
        width={280}
      />
      <Select<ActivityKind>
        value={(f.kind as ActivityKind | undefined) ?? undefined}
        onChange={(kind) => list.update({ kind })}
        allowClear
        placeholder={t("list.kindAll")}
        aria-label={t("field.kind")}
        options={activityKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        style={{ width: 130 }}
      />
      <DatePicker.RangePicker
        value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
        onChange={(r) =>
          list.update({ from: r?.[0]?.format("YYYY-MM-DD"), to: r?.[1]?.format("YYYY-MM-DD") })
        }
        allowEmpty={[true, true]}
        aria-label={t("field.date")}
        style={{ width: 250 }}
      />
      <ParticipantFilter
        value={f.officer}
        onChange={(officer) => list.update({ officer })}
        placeholder={t("list.officerAll")}
        style={{ width: 130 }}
      />
      <ParkSelect
        value={f.parkId ?? null}
        onChange={(parkId) => list.update({ parkId })}
        placeholder={t("list.parkAll")}
        style={{ width: 180 }}
      />
      <TeamSelect
        value={f.teamId ?? null}
        onChange={(teamId) => list.update({ teamId })}
        placeholder={t("list.teamAll")}
        style={{ width: 190 }}
      />
      <Checkbox
        checked={f.leads === "yes"}
        onChange={(e) => list.update({ leads: e.target.checked ? "yes" : undefined })}
      >
        {t("list.leadsOnly")}
      </Checkbox>
    </Flex>
  );
};
