import { Checkbox, Flex, Select } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  allStages,
  type ManualTag,
  manualTags,
  type ProjectChannel,
  type ProjectStage,
  projectChannels,
  type SizeTier,
  sizeTiers,
} from "../../../../common/project.schema";
import { SearchBox } from "../../../components/SearchBox";
import { useExtensions } from "../../../lib/extensions";
import type { ListState } from "../../../lib/list-state";
import { ProjectTeamPicker } from "./pickers";

export const projectFilterKeys = [
  "stage",
  "parkId",
  "teamId",
  "channel",
  "tier",
  "tag",
  "overdue",
  "duplicate",
  // no control of its own: the home page's 我的项目 links here with the officer's id
  "officerId",
] as const;
export type ProjectFilterKey = (typeof projectFilterKeys)[number];

type Shown = "search" | "stage" | "channel" | "tier" | "tag" | "flags";

interface Props {
  list: ListState<ProjectFilterKey>;
  /** The board and the pipeline show fewer filters than the ledger. */
  show?: readonly Shown[];
  /** at the row's end: the ledger's saved views */
  extra?: ReactNode;
}

const everything: readonly Shown[] = ["search", "stage", "channel", "tier", "tag", "flags"];

/** One search box for name, code and investor, then the filters, all kept in the URL. */
export const ProjectFilters = ({ list, show = everything, extra }: Props) => {
  const { t } = useTranslation("projects");
  const { ParkPicker } = useExtensions();
  const f = list.query;
  const has = (s: Shown) => show.includes(s);
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      {has("search") && (
        <SearchBox
          value={f.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("list.searchPh")}
          width={300}
        />
      )}
      {has("stage") && (
        <Select<ProjectStage>
          value={(f.stage as ProjectStage | undefined) ?? undefined}
          onChange={(stage) => list.update({ stage })}
          allowClear
          placeholder={t("list.stageAll")}
          aria-label={t("field.stage")}
          options={allStages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          style={{ width: 110 }}
        />
      )}
      <ParkPicker
        value={f.parkId ?? null}
        onChange={(parkId) => list.update({ parkId })}
        placeholder={t("list.parkAll")}
        style={{ width: 180 }}
      />
      <ProjectTeamPicker
        value={f.teamId ?? null}
        onChange={(teamId) => list.update({ teamId })}
        allowClear
        placeholder={t("list.teamAll")}
        style={{ width: 190 }}
      />
      {has("channel") && (
        <Select<ProjectChannel>
          value={(f.channel as ProjectChannel | undefined) ?? undefined}
          onChange={(channel) => list.update({ channel })}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("list.channelAll")}
          aria-label={t("field.channel")}
          options={projectChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          style={{ width: 130 }}
          popupMatchSelectWidth={false}
        />
      )}
      {has("tier") && (
        <Select<SizeTier>
          value={(f.tier as SizeTier | undefined) ?? undefined}
          onChange={(tier) => list.update({ tier })}
          allowClear
          placeholder={t("list.tierAll")}
          aria-label={t("list.tierAll")}
          options={sizeTiers.map((x) => ({ value: x.key, label: t(`tier.${x.key}`) }))}
          style={{ width: 120 }}
        />
      )}
      {has("tag") && (
        <Select<ManualTag>
          value={(f.tag as ManualTag | undefined) ?? undefined}
          onChange={(tag) => list.update({ tag })}
          allowClear
          placeholder={t("list.tagAll")}
          aria-label={t("field.manualTags")}
          options={manualTags.map((x) => ({ value: x, label: t(`tag.${x}`) }))}
          style={{ width: 120 }}
        />
      )}
      {has("flags") && (
        <>
          <Checkbox
            checked={f.overdue === "yes"}
            onChange={(e) => list.update({ overdue: e.target.checked ? "yes" : undefined })}
          >
            {t("list.overdueOnly")}
          </Checkbox>
          <Checkbox
            checked={f.duplicate === "yes"}
            onChange={(e) => list.update({ duplicate: e.target.checked ? "yes" : undefined })}
          >
            {t("list.duplicateOnly")}
          </Checkbox>
        </>
      )}
      {extra && <div style={{ marginInlineStart: "auto" }}>{extra}</div>}
    </Flex>
  );
};
