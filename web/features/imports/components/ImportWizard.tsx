import { Button, Result, Skeleton, Steps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { type ImportStatus, useImportJob } from "../api/imports.api";
import { CheckStep } from "./CheckStep";
import { CommitStep } from "./CommitStep";
import { MappingStep } from "./MappingStep";
import { type ImportEntity, UploadStep } from "./UploadStep";

interface Props {
  title: string;
  entities: ImportEntity[];
  /** the list the import feeds, for 返回 and 查看结果 */
  backTo: string;
}

const stepOf: Record<ImportStatus, number> = {
  uploaded: 1,
  validating: 2,
  validated: 2,
  invalid: 2,
  failed: 2,
  expired: 2,
  committing: 3,
  committed: 3,
};

/**
 * Upload → columns → check → import (DESIGN: "Import contract"). The job id lives in the URL
 * (?job=), so a reload or a colleague's link lands on the same step.
 */
export const ImportWizard = ({ title, entities, backTo }: Props) => {
  const { t } = useTranslation("imports");
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const jobId = params.get("job");
  const entity = params.get("entity") ?? entities[0]!.entity;
  const job = useImportJob(jobId);
  const [editMapping, setEditMapping] = useState(false);

  const go = (next: { job?: string | null; entity?: string }) => {
    setEditMapping(false);
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (next.job === null) q.delete("job");
        else if (next.job) q.set("job", next.job);
        if (next.entity) q.set("entity", next.entity);
        return q;
      },
      { replace: !next.job },
    );
  };
  const data = jobId ? job.data : undefined;
  const step = !data ? 0 : editMapping && data.status !== "validating" ? 1 : stepOf[data.status];
  const entityOf = (e: string) => entities.find((x) => x.entity === e);

  return (
    <>
      <PageHeader
        title={data ? `${title}：${data.label}` : title}
        sub={t("sub")}
        extra={<Button onClick={() => navigate(backTo)}>{t("back")}</Button>}
      />
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t("steps.upload") },
          { title: t("steps.mapping") },
          { title: t("steps.check") },
          { title: t("steps.commit") },
        ]}
      />
      {jobId && job.isLoading && <Skeleton active />}
      {jobId && job.error && (
        <Result
          status="warning"
          title={<ApiErrorAlert error={job.error} />}
          extra={<Button onClick={() => go({ job: null })}>{t("mapping.reupload")}</Button>}
        />
      )}
      {step === 0 && !(jobId && (job.isLoading || job.error)) && (
        <UploadStep
          entities={entities}
          entity={entity}
          onEntity={(e) => go({ entity: e })}
          onStarted={(j) => go({ job: j.id, entity: j.entity })}
          onOpen={(id) => go({ job: id })}
        />
      )}
      {data && step === 1 && (
        <MappingStep
          key={`${data.id}-${data.headerRow}`}
          job={data}
          entity={entityOf(data.entity)}
          onReupload={() => go({ job: null })}
          onValidating={() => setEditMapping(false)}
        />
      )}
      {data && step === 2 && <CheckStep job={data} onEditMapping={() => setEditMapping(true)} />}
      {data && step === 3 && (
        <CommitStep job={data} onAgain={() => go({ job: null })} onDone={() => navigate(backTo)} />
      )}
    </>
  );
};
