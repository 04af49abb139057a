import { useTranslation } from "react-i18next";
import { ImportWizard } from "../../features/imports";

/** The registry's imports: the firm list and the yearly figures (server entities enterprise, enterprise_year). */
export const EnterpriseImportPage = () => {
  const { t } = useTranslation("app");
  return (
    <ImportWizard
      title={t("import.enterprisesTitle")}
      backTo="/enterprises"
      entities={[
        {
          entity: "enterprise",
          label: t("import.enterprise"),
          hint: t("import.enterpriseHint"),
          options: ["region"],
        },
        {
          entity: "enterprise_year",
          label: t("import.years"),
          hint: t("import.yearsHint"),
          options: ["year"],
        },
      ]}
    />
  );
};
