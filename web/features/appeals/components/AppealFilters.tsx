import { Checkbox, DatePicker, Flex, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { type AppealCategory, appealCategories, appealStatuses } from "../../../../common/appeal.schema";
import { SearchBox } from "../../../components/SearchBox";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import type { ListState } from "../../../lib/list-state";

export const appealFilterKeys = [
  "status",
  "category",
  "departmentId",
  "parkId",
  "enterpriseId",
  "overdue",
  "escalated",
  "raisedFrom",
  "raisedTo",
] as const;
export type AppealFilterKey = (typeof appealFilterKeys)[number];

/** Search, status (办理中 = routed or accepted), category, department, park, dates; kept in the URL. */
export const AppealFilters = ({ list }: { list: ListState<AppealFilterKey> }) => {
  const { t } = useTranslation("appeals");
  const me = useCurrentUser();
  const { DepartmentPicker, ParkPicker } = useExtensions();
  const f = list.query;
  // /api/departments lists departments to users holding a region (or everything) only; an
  // enterprise user sees their own firm's appeals and has no org to pick from.
  const wide = me.scopes.some((s) => s.kind === "all" || s.kind === "region");
  const mayPickPark = me.permissions.includes("org.read") && !me.scopes.some((s) => s.kind === "department");
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox
        value={f.q}
        onSearch={(q) => list.update({ q })}
        placeholder={t("list.searchPh")}
        width={260}
      />
      <Select<string>
        value={f.status ?? undefined}
        onChange={(status) => list.update({ status })}
        allowClear
        placeholder={t("list.statusAll")}
        aria-label={t("field.status")}
        options={["active", ...appealStatuses].map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 150 }}
      />
      <Select<AppealCategory>
        value={(f.category as AppealCategory | undefined) ?? undefined}
        onChange={(category) => list.update({ category })}
        allowClear
        placeholder={t("list.categoryAll")}
        aria-label={t("field.category")}
        options={appealCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        style={{ width: 120 }}
      />
      {wide && (
        <DepartmentPicker
          value={f.departmentId ?? null}
          onChange={(departmentId) => list.update({ departmentId })}
          placeholder={t("list.departmentAll")}
          style={{ width: 230 }}
        />
      )}
      {mayPickPark && (
        <ParkPicker
          value={f.parkId ?? null}
          onChange={(parkId) => list.update({ parkId })}
          placeholder={t("list.parkAll")}
          style={{ width: 200 }}
        />
      )}
      <DatePicker.RangePicker
        value={[f.raisedFrom ? dayjs(f.raisedFrom) : null, f.raisedTo ? dayjs(f.raisedTo) : null]}
        allowEmpty={[true, true]}
        placeholder={[t("list.raisedFrom"), t("list.raisedTo")]}
        aria-label={t("field.raisedOn")}
        onChange={(r) =>
          list.update({ raisedFrom: r?.[0]?.format("YYYY-MM-DD"), raisedTo: r?.[1]?.format("YYYY-MM-DD") })
        }
      />
      <Checkbox
        checked={f.overdue === "yes"}
        onChange={(e) => list.update({ overdue: e.target.checked ? "yes" : undefined })}
      >
        {t("list.overdueOnly")}
      </Checkbox>
      {!me.scopes.some((s) => s.kind === "enterprise") && (
        <Checkbox
          checked={f.escalated === "yes"}
          onChange={(e) => list.update({ escalated: e.target.checked ? "yes" : undefined })}
        >
          {t("list.escalatedOnly")}
        </Checkbox>
      )}
    </Flex>
  );
};
