import { Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { siteKinds } from "../../../common/site.schema";
import { ImportWizard, useImportJob } from "../../features/imports";
import { ParkPicker } from "../../features/org";
import { XlsxImportWarnings } from "../../features/sites/components/XlsxImportWarnings";

/** 空间资源导入: sites from xlsx through the shared wizard (server entity "site"), with its notes. */
export const SiteImportPage = () => {
  const { t } = useTranslation("sites");
  const [params] = useSearchParams();
  const jobId = params.get("job");
  const job = useImportJob(jobId);
  return (
    <>
      <ImportWizard
        title={t("xlsx.title")}
        backTo="/sites"
        entities={[
          {
            entity: "site",
            label: t("xlsx.label"),
            hint: t("xlsx.hint"),
            moreOptions: [
              {
                key: "parkId",
                label: t("xlsx.park"),
                hint: t("xlsx.parkHint"),
                input: ({ id, value, onChange }) => (
                  <ParkPicker
                    id={id}
                    style={{ width: 280 }}
                    value={typeof value === "string" ? value : null}
                    onChange={(v) => onChange(v)}
                  />
                ),
              },
              {
                key: "kind",
                label: t("xlsx.kind"),
                input: ({ id, value, onChange }) => (
                  <Select
                    id={id}
                    style={{ width: 160 }}
                    value={typeof value === "string" ? value : "land"}
                    onChange={(v) => onChange(v)}
                    options={siteKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  />
                ),
              },
              {
                key: "crs",
                label: t("xlsx.crs"),
                hint: t("xlsx.crsHint"),
                input: ({ id, value, onChange }) => (
                  <Radio.Group
                    id={id}
                    value={typeof value === "string" ? value : "wgs84"}
                    onChange={(e) => onChange(e.target.value)}
                    options={(["wgs84", "gcj02"] as const).map((c) => ({ value: c, label: t(`crs.${c}`) }))}
                  />
                ),
              },
            ],
          },
        ]}
      />
      {jobId && job.data?.entity === "site" && <XlsxImportWarnings jobId={jobId} status={job.data.status} />}
    </>
  );
};
