import { Checkbox, Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import { type ProblemCategory, problemCategories, problemStatuses } from "../../../../common/problem.schema";
import { SearchBox } from "../../../components/SearchBox";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import type { ListState } from "../../../lib/list-state";

export const problemFilterKeys = [
  "status",
  "category",
  "departmentId",
  "overdue",
  "escalated",
  "subjectId",
] as const;
export type ProblemFilterKey = (typeof problemFilterKeys)[number];

/** Search, status, category, department and the overdue / escalated switches, kept in the URL. */
export const ProblemFilters = ({ list }: { list: ListState<ProblemFilterKey> }) => {
  const { t } = useTranslation("problems");
  const me = useCurrentUser();
  const { DepartmentPicker } = useExtensions();
  const f = list.query;
  // /api/departments lists departments to users holding a region (or everything) only.
  const mayPickDepartment = me.scopes.some((s) => s.kind === "all" || s.kind === "region");
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox
        value={f.q}
        onSearch={(q) => list.update({ q })}
        placeholder={t("list.searchPh")}
        width={280}
      />
      <Select<string>
        value={f.status ?? undefined}
        onChange={(status) => list.update({ status })}
        allowClear
        placeholder={t("list.statusAll")}
        aria-label={t("field.status")}
        options={[...problemStatuses, "active"].map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 120 }}
      />
      <Select<ProblemCategory>
        value={(f.category as ProblemCategory | undefined) ?? undefined}
        onChange={(category) => list.update({ category })}
        allowClear
        placeholder={t("list.categoryAll")}
        aria-label={t("field.category")}
        options={problemCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        style={{ width: 120 }}
      />
      {mayPickDepartment && (
        <DepartmentPicker
          value={f.departmentId ?? null}
          onChange={(departmentId) => list.update({ departmentId })}
          placeholder={t("list.departmentAll")}
          style={{ width: 240 }}
        />
      )}
      <Checkbox
        checked={f.overdue === "yes"}
        onChange={(e) => list.update({ overdue: e.target.checked ? "yes" : undefined })}
      >
        {t("list.overdueOnly")}
      </Checkbox>
      <Checkbox
        checked={f.escalated === "yes"}
        onChange={(e) => list.update({ escalated: e.target.checked ? "yes" : undefined })}
      >
        {t("list.escalatedOnly")}
      </Checkbox>
    </Flex>
  );
};
