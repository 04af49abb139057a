import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { type TeamKind, teamKinds } from "../../../../common/enums";
import { type Team, teamCreate } from "../../../../common/org.schema";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { zodRule } from "../../../lib/forms";
import { useCreateTeam, useUpdateTeam } from "../api/teams.api";
import { ParkPicker } from "./RecordPickers";
import { RegionPicker } from "./RegionPicker";

interface Values {
  regionId: string | null;
  parkId: string | null;
  name: string;
  kind: TeamKind | null;
  stationCity: string;
  leaderName: string;
}

const toValues = (x: Team | null): Values => ({
  regionId: x?.regionId ?? null,
  parkId: x?.parkId ?? null,
  name: x?.name ?? "",
  kind: x?.kind ?? null,
  stationCity: x?.stationCity ?? "",
  leaderName: x?.leaderName ?? "",
});

const s = teamCreate.shape;

export const TeamForm = (props: RecordFormProps<Team>) => {
  const { t } = useTranslation("org");
  const [form] = Form.useForm<Values>();
  const regionId = Form.useWatch("regionId", form);
  const create = useCreateTeam();
  const update = useUpdateTeam();

  return (
    <RecordForm {...props} form={form} initialValues={toValues(props.record)} create={create} update={update}>
      <Form.Item name="name" label={t("teams.name")} required rules={[zodRule(s.name)]}>
        <Input placeholder={t("teams.namePh")} autoFocus maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="kind" label={t("teams.kind")} required rules={[zodRule(s.kind, "null")]}>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          options={teamKinds.map((k) => ({ value: k, label: t(`enums:teamKind.${k}`) }))}
          placeholder={t("teams.kind")}
        />
      </Form.Item>
      <Form.Item name="regionId" label={t("common.region")} required rules={[zodRule(s.regionId, "null")]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="parkId" label={t("teams.park")} rules={[zodRule(s.parkId, "null")]}>
        <ParkPicker regionId={regionId ?? null} />
      </Form.Item>
      <Form.Item name="stationCity" label={t("teams.stationCity")} rules={[zodRule(s.stationCity)]}>
        <Input placeholder={t("teams.stationCityPh")} maxLength={50} />
      </Form.Item>
      <Form.Item name="leaderName" label={t("teams.leaderName")} rules={[zodRule(s.leaderName)]}>
        <Input maxLength={50} />
      </Form.Item>
    </RecordForm>
  );
};
