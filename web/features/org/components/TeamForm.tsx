import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { type TeamKind, teamKinds } from "../../../../common/enums";
import { type Team, teamCreate } from "../../../../common/org.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { zodRule } from "../../../lib/forms";
import { useCreateTeam, useUpdateTeam } from "../api/teams.api";
import { FormButtons } from "./FormButtons";
import { ParkPicker } from "./RecordPickers";
import { RegionPicker } from "./RegionPicker";
import { useRecordSubmit } from "./useRecordSubmit";

interface Props {
  team: Team | null;
  readOnly: boolean;
  onDone: (saved: Team, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

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

export const TeamForm = ({ team, readOnly, onDone, onCancel, onReload }: Props) => {
  const { t } = useTranslation("org");
  const [form] = Form.useForm<Values>();
  const regionId = Form.useWatch("regionId", form);
  const sub = useRecordSubmit(form, team, useCreateTeam(), useUpdateTeam(), onDone);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={toValues(team)}
      onFinish={(v) => sub.submit({ ...v })}
      disabled={readOnly}
      scrollToFirstError
    >
      <ApiErrorAlert error={sub.error} extraIssues={sub.extraIssues} onReload={onReload} />
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
      {!readOnly && <FormButtons saving={sub.saving} onCancel={onCancel} />}
    </Form>
  );
};
