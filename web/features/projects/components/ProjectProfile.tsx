import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ProjectRow } from "../../../../common/project.schema";
import { formatDateCn, formatDateTime } from "../../../lib/format";
import { m2Text, muText, usdText, wanText } from "../format";
import { Blank, ProjectTags } from "./ProjectBits";

const orBlank = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === "" ? <Blank /> : v;

/** 概况: what was registered about the project, money in 万元 and land in 亩. */
export const ProjectProfile = ({ p }: { p: ProjectRow }) => {
  const { t } = useTranslation("projects");
  const wan = (fen: number | null) => orBlank(wanText(fen, t("field.wan")));
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 150 } }}
      items={[
        { key: "code", label: t("field.code"), children: p.code },
        { key: "name", label: t("field.name"), children: p.name },
        {
          key: "investor",
          label: t("field.investor"),
          children: (
            <span>
              {p.investorName}
              {p.investorUscc && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontFamily: "monospace" }}>
                  {p.investorUscc}
                </Typography.Text>
              )}
            </span>
          ),
        },
        { key: "kind", label: t("field.kind"), children: t(`kind.${p.kind}`) },
        { key: "channel", label: t("field.channel"), children: t(`channel.${p.channel}`) },
        { key: "region", label: t("field.region"), children: p.regionName },
        { key: "park", label: t("field.park"), children: orBlank(p.parkName) },
        { key: "team", label: t("field.team"), children: orBlank(p.teamName) },
        { key: "officer", label: t("field.officer"), children: orBlank(p.officerName) },
        { key: "total", label: t("field.totalInvestment"), children: wan(p.totalInvestmentFen) },
        { key: "fixed", label: t("field.fixedAsset"), children: wan(p.fixedAssetFen) },
        {
          key: "foreign",
          label: t("field.foreignCapital"),
          children: orBlank(usdText(p.foreignCapitalCents, t("field.usd"))),
        },
        {
          key: "land",
          label: t("field.landDemand"),
          children: orBlank(muText(p.landDemandM2, t("field.mu"))),
        },
        { key: "floor", label: t("field.floorDemand"), children: orBlank(m2Text(p.floorDemandM2)) },
        { key: "output", label: t("field.expectedOutput"), children: wan(p.expectedOutputFen) },
        { key: "tax", label: t("field.expectedTax"), children: wan(p.expectedTaxFen) },
        {
          key: "jobs",
          label: t("field.jobs"),
          children: orBlank(
            p.jobs === null ? null : `${p.jobs.toLocaleString("zh-CN")} ${t("field.persons")}`,
          ),
        },
        {
          key: "tags",
          label: t("field.tags"),
          children: p.sizeTags.length + p.manualTags.length > 0 ? <ProjectTags p={p} /> : <Blank />,
        },
        {
          key: "stage",
          label: t("field.stage"),
          children: `${t(`stage.${p.stage}`)}（${formatDateCn(p.stageOn)}）`,
        },
        {
          key: "registered",
          label: t("field.registeredAt"),
          children: `${formatDateTime(p.registeredAt)}${p.registeredBy ? ` · ${p.registeredBy}` : ""}`,
        },
        ...(p.duplicateOf.length > 0
          ? [
              {
                key: "dup",
                label: t("field.duplicateReason"),
                span: "filled" as const,
                children: (
                  <Typography.Text type="warning">
                    {t("page.duplicateOf", { n: p.duplicateOf.length })}
                    {p.duplicateReason ? `：${p.duplicateReason}` : ""}
                  </Typography.Text>
                ),
              },
            ]
          : []),
        { key: "summary", label: t("field.summary"), span: "filled" as const, children: orBlank(p.summary) },
      ]}
    />
  );
};
