import { useTranslation } from "react-i18next";
import { ImportWizard } from "../../features/imports";
import { ProjectTeamPicker } from "../../features/projects/components/pickers";

/** The project ledger import (server entity "project"), with a default region and team. */
export const ProjectImportPage = () => {
  const { t } = useTranslation("app");
  return (
    <ImportWizard
      title={t("import.projectsTitle")}
      backTo="/projects"
      entities={[
        {
          entity: "project",
          label: t("import.project"),
          hint: t("import.projectHint"),
          options: ["region"],
          // 默认小分队 for rows without a 招商单位: the project import's `teamId` option.
          moreOptions: [
            {
              key: "teamId",
              label: t("import.defaultTeam"),
              hint: t("import.defaultTeamHint"),
              input: ({ id, value, onChange }) => (
                <ProjectTeamPicker
                  id={id}
                  style={{ width: 280 }}
                  value={typeof value === "string" ? value : null}
                  onChange={(v) => onChange(v)}
                  placeholder={t("import.defaultTeamPh")}
                />
              ),
            },
          ],
        },
      ]}
    />
  );
};
