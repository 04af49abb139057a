import { EnvironmentOutlined } from "@ant-design/icons";
import { Flex, Select, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type ParkKind, parkKinds } from "../../../../common/enums";
import type { Park } from "../../../../common/org.schema";
import { formatArea } from "../../../lib/format";
import { useDeletePark, useExportParks, usePark, useParks } from "../api/parks.api";
import { ParkForm } from "./ParkForm";
import { RecordListPage } from "./RecordListPage";

const filterKeys = ["regionId", "kind"] as const;
const api = { useList: useParks, useOne: usePark, useDelete: useDeletePark, useExport: useExportParks };
const shortName = (p: Park) => p.shortName;

export const ParksPage = () => {
  const { t } = useTranslation("org");
  return (
    <RecordListPage
      section="parks"
      subjectType="park"
      filterKeys={filterKeys}
      api={api}
      form={ParkForm}
      scrollX={1330}
      nameNote={shortName}
      columns={(sortable) => [
        {
          title: t("parks.kind"),
          dataIndex: "kind",
          width: 150,
          ...sortable("kind"),
          render: (k: ParkKind) => (
            <Tag color={k === "enclave" ? "purple" : "blue"}>{t(`enums:parkKind.${k}`)}</Tag>
          ),
        },
        { title: t("common.region"), dataIndex: "regionName", width: 180, ...sortable("region") },
        {
          title: t("parks.parent"),
          dataIndex: "parentName",
          key: "parentName",
          width: 200,
          render: (v: string | null, p) => (
            <Flex vertical>
              {v && <span>{v}</span>}
              {p.hostLocation && (
                <Typography.Text type="secondary" title={t("parks.hostLocation")}>
                  <EnvironmentOutlined /> {p.hostLocation}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          title: t("parks.area"),
          dataIndex: "areaM2",
          width: 210,
          ...sortable("areaM2"),
          align: "right",
          render: (v: number | null) => formatArea(v, { m2: "m²", mu: t("common:area.mu") }),
        },
      ]}
      filters={(list) => (
        <Select<ParkKind>
          value={(list.query.kind as ParkKind | undefined) ?? undefined}
          onChange={(kind) => list.update({ kind })}
          allowClear
          placeholder={t("parks.kindAll")}
          options={parkKinds.map((k) => ({ value: k, label: t(`enums:parkKind.${k}`) }))}
          style={{ width: 180 }}
        />
      )}
    />
  );
};
