import { Button, Flex, Form, Input } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectRow } from "../../../../common/project.schema";
import { projectCreate } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import {
  type DuplicateCandidate,
  type ProjectCreateBody,
  type ProjectUpdateBody,
  useCheckDuplicates,
  useCreateProject,
  useUpdateProject,
} from "../api/projects.api";
import { DuplicateCandidates } from "./DuplicateCandidates";
import { ProjectFields, type ProjectValues } from "./ProjectFields";

type Defaults = { regionId: string | null; parkId: string | null; officerId: string | null };

const toValues = (p: ProjectRow | null, defaults: Defaults): ProjectValues => ({
  name: p?.name ?? "",
  investorId: p?.investorId ?? null,
  kind: p?.kind ?? "industrial",
  channel: p?.channel ?? null,
  regionId: p ? p.regionId : defaults.regionId,
  parkId: p ? p.parkId : defaults.parkId,
  teamId: p?.teamId ?? null,
  officerId: p ? p.officerId : defaults.officerId,
  totalInvestmentFen: p?.totalInvestmentFen ?? null,
  fixedAssetFen: p?.fixedAssetFen ?? null,
  foreignCapitalCents: p?.foreignCapitalCents ?? null,
  landDemandM2: p?.landDemandM2 ?? null,
  floorDemandM2: p?.floorDemandM2 ?? null,
  expectedOutputFen: p?.expectedOutputFen ?? null,
  expectedTaxFen: p?.expectedTaxFen ?? null,
  jobs: p?.jobs ?? null,
  manualTags: p?.manualTags ?? [],
  summary: p?.summary ?? "",
  leadOn: null,
  duplicateReason: "",
});

/** The body both calls share; blanks become null, the way the API clears a field. */
const common = (v: ProjectValues) => ({
  name: v.name.trim(),
  investorId: v.investorId ?? "",
  kind: v.kind,
  channel: v.channel ?? undefined,
  regionId: v.regionId ?? "",
  parkId: v.parkId ?? null,
  officerId: v.officerId ?? null,
  totalInvestmentFen: v.totalInvestmentFen ?? null,
  fixedAssetFen: v.fixedAssetFen ?? null,
  foreignCapitalCents: v.foreignCapitalCents ?? null,
  landDemandM2: v.landDemandM2 ?? null,
  floorDemandM2: v.floorDemandM2 ?? null,
  expectedOutputFen: v.expectedOutputFen ?? null,
  expectedTaxFen: v.expectedTaxFen ?? null,
  jobs: v.jobs ?? null,
  manualTags: v.manualTags,
  summary: v.summary?.trim() || null,
});

const createBody = (v: ProjectValues): ProjectCreateBody => ({
  ...common(v),
  channel: v.channel ?? "other",
  teamId: v.teamId ?? "",
  ...(v.leadOn ? { leadOn: v.leadOn.format("YYYY-MM-DD") } : {}),
  // The reason field is only there when candidates were found.
  ...(v.duplicateReason?.trim() ? { duplicateReason: v.duplicateReason.trim() } : {}),
});

const candidatesOf = (e: unknown): DuplicateCandidate[] | null => {
  if (!isApiError(e) || e.code !== "DUPLICATE") return null;
  const d = e.details as { candidates?: DuplicateCandidate[] } | null;
  return Array.isArray(d?.candidates) ? d.candidates : null;
};

interface Props {
  record: ProjectRow | null;
  onDone: (saved: ProjectRow, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

/**
 * 报备项目 / 编辑项目. A new lead is checked for likely duplicates before it is
 * sent: when there are some, they are listed and a reason is required; a 409
 * DUPLICATE from the server (someone registered one meanwhile) lists them too.
 */
export const ProjectForm = ({ record, onDone, onCancel, onReload }: Props) => {
  const { t } = useTranslation("projects");
  const me = useCurrentUser();
  const [form] = Form.useForm<ProjectValues>();
  const check = useCheckDuplicates();
  const create = useCreateProject();
  const update = useUpdateProject();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  // The name/investor/region the candidates were found for: another one needs a new check.
  const checked = useRef<string | null>(null);
  const keyOf = (v: Pick<ProjectValues, "name" | "investorId" | "regionId">) =>
    `${v.name.trim()}|${v.investorId ?? ""}|${v.regionId ?? ""}`;

  const fail = (e: unknown) => {
    const found = candidatesOf(e);
    if (found) {
      setCandidates(found);
      checked.current = keyOf(form.getFieldsValue(["name", "investorId", "regionId"]));
    } else setExtra(applyServerErrors(form, e));
    setError(e);
  };

  const onFinish = async (v: ProjectValues) => {
    setError(null);
    setExtra([]);
    try {
      if (record) {
        const body: ProjectUpdateBody = { ...common(v), teamId: v.teamId ?? null, version: record.version };
        onDone(await update.mutateAsync({ id: record.id, body }), false);
        return;
      }
      const key = keyOf(v);
      if (checked.current !== key) {
        const found = await check.mutateAsync({
          name: v.name.trim(),
          investorId: v.investorId ?? "",
          regionId: v.regionId ?? "",
        });
        checked.current = key;
        setCandidates(found);
        // Shown above the form; the reason field is now required (and gets the focus, below).
        if (found.length > 0 && !v.duplicateReason?.trim()) return;
      }
      onDone(await create.mutateAsync(createBody(v)), true);
    } catch (e) {
      fail(e);
    }
  };

  // Candidates found: bring them and the reason they ask for into view.
  const dupBox = useRef<HTMLDivElement>(null);
  const shown = candidates.length > 0;
  useEffect(() => {
    if (!shown) return;
    dupBox.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    form.focusField("duplicateReason");
  }, [shown, form]);

  // An officer working one park registers into it, in their own region, as the officer.
  const parks = me.scopes.filter((g) => g.kind === "park");
  const defaults: Defaults = {
    regionId: me.regionId,
    parkId: parks.length === 1 ? (parks[0]?.refId ?? null) : null,
    officerId: me.roles.includes("officer") ? me.id : null,
  };
  const saving = check.isPending || create.isPending || update.isPending;
  return (
    <Form<ProjectValues>
      form={form}
      layout="vertical"
      initialValues={toValues(record, defaults)}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<ProjectValues>) => {
        if ("name" in changed || "investorId" in changed || "regionId" in changed) setCandidates([]);
      }}
      scrollToFirstError
    >
      <ApiErrorAlert error={candidates.length > 0 ? null : error} extraIssues={extra} onReload={onReload} />
      {!record && candidates.length > 0 && (
        <div ref={dupBox}>
          <DuplicateCandidates items={candidates} />
          <Form.Item
            name="duplicateReason"
            label={t("field.duplicateReason")}
            required
            rules={[zodRule(projectCreate.shape.duplicateReason.unwrap())]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t("dup.reasonPh")} />
          </Form.Item>
        </div>
      )}
      <ProjectFields
        form={form}
        record={record}
        stored={{
          investor: record?.investorName,
          team: record?.teamName,
          officer: record ? record.officerName : defaults.officerId ? me.name : null,
        }}
      />
      {/* Inside the <form>, so Enter in a field submits it. */}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {record
            ? t("common:action.save")
            : candidates.length > 0
              ? t("dup.submitAnyway")
              : t("list.submit")}
        </Button>
      </Flex>
    </Form>
  );
};
