import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EnterpriseYear } from "../../../../common/enterprise.schema";
import { EChart } from "../../../components/EChart";
import "../charts/register";
import { yearTrendOption } from "../charts/yearTrend.chart";

/** Revenue, output and tax by year. Loaded lazily: ECharts comes with the first chart shown. */
export const YearTrendChart = ({ years }: { years: readonly EnterpriseYear[] }) => {
  const { t } = useTranslation("enterprises");
  const option = useMemo(
    () =>
      yearTrendOption(years, {
        revenue: t("years.revenue"),
        output: t("years.output"),
        tax: t("years.tax"),
        unit: t("field.cny"),
        taxAxis: t("years.withUnit", { name: t("years.tax"), unit: t("field.cny") }),
      }),
    [years, t],
  );
  return <EChart option={option} height={300} label={t("years.trendLabel")} />;
};
