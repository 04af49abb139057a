import { useQueryClient } from "@tanstack/react-query";
import { Card, Flex, Typography } from "antd";
import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ImportWizard } from "../../features/imports";
import { ProjectTeamPicker } from "../../features/projects/components/pickers";
import { apiPatch } from "../../lib/api";
import { useFeedback } from "../../lib/feedback";

interface JobView {
  id: string;
  entity: string;
  status: string;
  options: Record<string, unknown>;
}

// The wizard's own query key for a job (web/features/imports/api/imports.api.ts).
const jobKey = (id: string) => ["imports", "job", id] as const;
const editable = new Set(["uploaded", "validated", "invalid", "failed"]);

/**
 * 默认小分队 for rows without a 招商单位: the project import's `teamId` option. The wizard offers
 * only region and year options, so this sits under it and writes the option on the job itself
 * (PATCH /api/imports/:id merges options); the wizard is then remounted to read it back.
 */
const DefaultTeam = ({ jobId, onSaved }: { jobId: string; onSaved: () => void }) => {
  const { t } = useTranslation("app");
  const qc = useQueryClient();
  const feedback = useFeedback();
  // Read the job the wizard polls, without fetching it a second time.
  const job = useSyncExternalStore(
    (notify) => qc.getQueryCache().subscribe(notify),
    () => qc.getQueryData<JobView>(jobKey(jobId)),
  );
  if (job?.entity !== "project" || !editable.has(job.status)) return null;
  const teamId = typeof job.options.teamId === "string" ? job.options.teamId : null;
  const onChange = (id: string | null) => {
    if (!id || id === teamId) return;
    apiPatch<JobView>(`/imports/${jobId}`, { options: { teamId: id } }).then((saved) => {
      qc.setQueryData(jobKey(jobId), saved);
      onSaved();
    }, feedback.error);
  };
  return (
    <Card size="small" title={t("import.projectOptions")} style={{ marginTop: 16 }}>
      <Flex align="center" gap={8} wrap>
        <label htmlFor="import-default-team">{t("import.defaultTeam")}</label>
        <ProjectTeamPicker
          id="import-default-team"
          style={{ width: 280 }}
          value={teamId}
          onChange={(id) => onChange(id)}
          placeholder={t("import.defaultTeamPh")}
        />
        <Typography.Text type="secondary">{t("import.defaultTeamHint")}</Typography.Text>
      </Flex>
    </Card>
  );
};

/** The project ledger import (server entity "project"), with a default region and team. */
export const ProjectImportPage = () => {
  const { t } = useTranslation("app");
  const [params] = useSearchParams();
  const jobId = params.get("job");
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <ImportWizard
        key={generation}
        title={t("import.projectsTitle")}
        backTo="/projects"
        entities={[
          {
            entity: "project",
            label: t("import.project"),
            hint: t("import.projectHint"),
            options: ["region"],
          },
        ]}
      />
      {jobId && <DefaultTeam jobId={jobId} onSaved={() => setGeneration((g) => g + 1)} />}
    </>
  );
};
