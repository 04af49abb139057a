import { Descriptions, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../common/audit.schema";
import { fenToWan, formatDateTime, formatMoney } from "../../../lib/format";
import { type DiffRow, diffRows } from "./diff";

const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Per subject type, the fields whose stored codes have names in the enums namespace. */
const subjectEnums: Record<string, Record<string, string>> = {
  enterprise: {
    status: "enterpriseStatus",
    sizeClass: "sizeClass",
    label: "enterpriseLabel",
    labels: "enterpriseLabel",
  },
  visit: { method: "visitMethod" },
  appeal: { category: "appealCategory", status: "appealStatus" },
  project: {
    stage: "projectStage",
    stoppedFrom: "projectStage",
    channel: "projectChannel",
    kind: "projectKind",
    manualTags: "manualTag",
  },
};

/** Renders one stored value the way the rest of the UI would show it. */
const useValueText = (subjectType: string) => {
  const { t } = useTranslation("audit");
  const text = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return t("diff.empty");
    if (typeof v === "boolean") return t(v ? "common:state.yes" : "common:state.no");
    // Money is stored in fen; registered capital may be in US cents, so it keeps a bare 万.
    if (typeof v === "number" && key === "registeredCapitalFen") {
      return `${fenToWan(v).toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 万`;
    }
    if (typeof v === "number" && key.endsWith("Fen")) return formatMoney(v);
    if (typeof v === "number" && key === "year") return String(v);
    if (typeof v === "number") return v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
    const enumNs = subjectEnums[subjectType]?.[key];
    if (enumNs && typeof v === "string") return t(`enums:${enumNs}.${v}`, { defaultValue: v });
    if (enumNs && Array.isArray(v)) {
      return v.map((x) => t(`enums:${enumNs}.${String(x)}`, { defaultValue: String(x) })).join("、");
    }
    if (typeof v === "string") {
      if (key === "kind" && (subjectType === "park" || subjectType === "team")) {
        return t(`enums:${subjectType}Kind.${v}`, { defaultValue: v });
      }
      if (key === "level") return t(`enums:regionLevel.${v}`, { defaultValue: v });
      return isoMoment.test(v) ? formatDateTime(v) : v;
    }
    if (Array.isArray(v) && key === "roles") {
      return v.map((r) => t(`enums:role.${String(r)}`, { defaultValue: String(r) })).join("、");
    }
    if (Array.isArray(v) && key === "scopes") {
      return v
        .map((s: { kind?: string; refName?: string | null; refId?: string | null }) =>
          [t(`enums:scopeKind.${s.kind ?? ""}`, { defaultValue: s.kind ?? "" }), s.refName ?? s.refId ?? ""]
            .filter(Boolean)
            .join(t("common:state.colon")),
        )
        .join("、");
    }
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join("、");
    if (Array.isArray(v)) return v.map((x) => text(key, x)).join("；");
    if (typeof v === "object" && !Array.isArray(v)) {
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${t(`field.${k}`, { defaultValue: k })}${t("common:state.colon")}${text(k, x)}`)
        .join("、");
    }
    return JSON.stringify(v);
  };
  return text;
};

/** Before/after of one audit entry as a table of the fields that changed. */
export const AuditDiff = ({ entry }: { entry: AuditEntry }) => {
  const { t } = useTranslation("audit");
  const text = useValueText(entry.subjectType);
  const rows = diffRows(entry.before, entry.after);
  const hasBefore = entry.before !== null && entry.before !== undefined;
  const hasAfter = entry.after !== null && entry.after !== undefined;
  // A user's name is a person's name (姓名), not a record's (名称); a firm's changed
  // "label" is one of its labels (标签), while meta.label names the record.
  const label = (k: string, inMeta = false) =>
    k === "name" && entry.subjectType === "user"
      ? t("field.personName")
      : k === "label" && !inMeta && entry.subjectType === "enterprise"
        ? t("field.enterpriseLabel")
        : t(`field.${k}`, { defaultValue: k });
  const meta =
    entry.meta && typeof entry.meta === "object" && !Array.isArray(entry.meta)
      ? Object.entries(entry.meta as Record<string, unknown>)
      : [];

  return (
    <div>
      {rows.length === 0 && meta.length === 0 && (
        <Typography.Text type="secondary">{t("diff.noChange")}</Typography.Text>
      )}
      {rows.length > 0 && (
        <Table<DiffRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t("diff.field"), dataIndex: "key", width: 140, render: (k: string) => label(k) },
            ...(hasBefore
              ? [
                  {
                    title: hasAfter ? t("diff.before") : t("diff.deleted"),
                    key: "before",
                    render: (_: unknown, r: DiffRow) => (
                      <Typography.Text
                        delete={hasAfter && r.changed}
                        type={hasAfter ? "secondary" : undefined}
                      >
                        {text(r.key, r.before)}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
            ...(hasAfter
              ? [
                  {
                    title: hasBefore ? t("diff.after") : t("diff.created"),
                    key: "after",
                    render: (_: unknown, r: DiffRow) =>
                      hasBefore ? (
                        // A long value (a firm's data sources) wraps rather than widening the table.
                        <Tag color="green" style={{ whiteSpace: "normal" }}>
                          {text(r.key, r.after)}
                        </Tag>
                      ) : (
                        text(r.key, r.after)
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {meta.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          title={t("diff.meta")}
          style={{ marginTop: 8 }}
          items={meta.map(([k, v]) => ({ key: k, label: label(k, true), children: text(k, v) }))}
        />
      )}
    </div>
  );
};
