import { useQueryClient } from "@tanstack/react-query";
import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../../common/errors";
import { changeLanguage, currentLanguage } from "../../lib/i18n";

/** 中文 / English; the server answers in the chosen language from then on. */
export const LanguageSwitch = () => {
  const { t } = useTranslation("app");
  const qc = useQueryClient();
  return (
    <Segmented<Lang>
      aria-label={t("header.language")}
      size="small"
      value={currentLanguage()}
      options={[
        { value: "zh-CN", label: "中文" },
        { value: "en", label: "English" },
      ]}
      onChange={(lang) => {
        void changeLanguage(lang).then(() => qc.invalidateQueries());
      }}
    />
  );
};
