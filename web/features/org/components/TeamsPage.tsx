import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { TeamKind } from "../../../../common/enums";
import { useDeleteTeam, useExportTeams, useTeam, useTeams } from "../api/teams.api";
import { RecordListPage } from "./RecordListPage";
import { ParkPicker } from "./RecordPickers";
import { TeamForm } from "./TeamForm";

const filterKeys = ["regionId", "parkId"] as const;
const api = { useList: useTeams, useOne: useTeam, useDelete: useDeleteTeam, useExport: useExportTeams };

export const TeamsPage = () => {
  const { t } = useTranslation("org");
  return (
    <RecordListPage
      section="teams"
      subjectType="team"
      filterKeys={filterKeys}
      api={api}
      form={TeamForm}
      scrollX={1300}
      columns={(sortable) => [
        {
          title: t("teams.kind"),
          dataIndex: "kind",
          width: 130,
          ...sortable("kind"),
          render: (k: TeamKind) => (
            <Tag color={k === "stationed" ? "gold" : "blue"}>{t(`enums:teamKind.${k}`)}</Tag>
          ),
        },
        { title: t("common.region"), dataIndex: "regionName", width: 180, ...sortable("region") },
        { title: t("teams.park"), dataIndex: "parkName", key: "parkName", width: 200 },
        { title: t("teams.stationCity"), dataIndex: "stationCity", key: "stationCity", width: 110 },
        { title: t("teams.leaderName"), dataIndex: "leaderName", key: "leaderName", width: 100 },
      ]}
      filters={(list) => (
        <ParkPicker
          value={list.query.parkId ?? null}
          onChange={(parkId) => list.update({ parkId })}
          regionId={list.query.regionId ?? null}
          placeholder={t("teams.parkAll")}
          style={{ width: 240 }}
        />
      )}
    />
  );
};
