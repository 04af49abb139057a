import { DatePicker, Divider, Flex, Form, type FormInstance, Input, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type ManualTag,
  manualTags,
  type ProjectChannel,
  type ProjectKind,
  type ProjectRow,
  projectChannels,
  projectCreate,
  projectKinds,
} from "../../../../common/project.schema";
import { FirmPicker, PersonPicker } from "../../../components/pickers";
import { useExtensions } from "../../../lib/extensions";
import { zodRule } from "../../../lib/forms";
import { enterConfirmsDate, MuInput, NumberInput, WanInput } from "./inputs";
import { ProjectTeamPicker } from "./pickers";

/** Field names follow the API body, so the server's 400 details land on them. */
export interface ProjectValues {
  name: string;
  investorId: string | null;
  kind: ProjectKind;
  channel: ProjectChannel | null;
  regionId: string | null;
  parkId: string | null;
  teamId: string | null;
  officerId: string | null;
  totalInvestmentFen: number | null;
  fixedAssetFen: number | null;
  foreignCapitalCents: number | null;
  landDemandM2: number | null;
  floorDemandM2: number | null;
  expectedOutputFen: number | null;
  expectedTaxFen: number | null;
  jobs: number | null;
  manualTags: ManualTag[];
  summary: string;
  leadOn: Dayjs | null;
  /** only mounted when likely duplicates were found */
  duplicateReason?: string;
}

const s = projectCreate.shape;
const half = { flex: 1, minWidth: 0 };

interface Props {
  form: FormInstance<ProjectValues>;
  record: ProjectRow | null;
  /** Names of the stored choices, shown before a picker has searched. */
  stored: { investor?: string | null; team?: string | null; officer?: string | null };
}

/** The fields of 报备项目 and of editing one: money in 万元, land in 亩. */
export const ProjectFields = ({ form, record, stored }: Props) => {
  const { t } = useTranslation("projects");
  const { RegionPicker, ParkPicker } = useExtensions();
  const regionId = Form.useWatch("regionId", form);
  const creating = record === null;
  const wan = t("field.wan");
  return (
    <>
      <Form.Item name="name" label={t("field.name")} required rules={[zodRule(s.name)]}>
        <Input placeholder={t("field.namePh")} autoFocus maxLength={120} showCount />
      </Form.Item>
      <Form.Item
        name="investorId"
        label={t("field.investor")}
        required
        rules={[zodRule(s.investorId, "null")]}
        extra={
          creating ? (
            <span>
              {t("field.investorMissing")}{" "}
              <Link to="/enterprises" target="_blank">
                {t("field.investorAdd")}
              </Link>
            </span>
          ) : undefined
        }
      >
        <FirmPicker placeholder={t("field.investorPh")} storedName={stored.investor} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="kind" label={t("field.kind")} style={half}>
          <Select<ProjectKind> options={projectKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="channel"
          label={t("field.channel")}
          required
          rules={[zodRule(s.channel, "null")]}
          style={half}
        >
          <Select<ProjectChannel>
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("field.channelPh")}
            options={projectChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item
          name="regionId"
          label={t("field.region")}
          required
          rules={[zodRule(s.regionId, "null")]}
          style={half}
          // A park belongs to one region: another region clears the park.
          getValueFromEvent={(v: string | null) => {
            if (v !== form.getFieldValue("regionId")) form.setFieldValue("parkId", null);
            return v;
          }}
        >
          <RegionPicker />
        </Form.Item>
        <Form.Item name="parkId" label={t("field.park")} style={half}>
          <ParkPicker regionId={regionId ?? null} placeholder={t("field.parkPh")} disabled={!regionId} />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item
          name="teamId"
          label={t("field.team")}
          required={creating}
          rules={creating ? [zodRule(s.teamId, "null")] : []}
          extra={creating ? t("field.teamHint") : undefined}
          style={half}
        >
          <ProjectTeamPicker
            placeholder={t("field.teamPh")}
            storedName={stored.team}
            allowClear={!creating}
          />
        </Form.Item>
        <Form.Item name="officerId" label={t("field.officer")} style={half}>
          <PersonPicker personRole="officer" placeholder={t("field.officerPh")} storedName={stored.officer} />
        </Form.Item>
      </Flex>
      {creating && (
        <Form.Item name="leadOn" label={t("field.leadOn")} extra={t("field.leadOnHint")}>
          <DatePicker
            style={{ width: 200 }}
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
            onKeyDown={enterConfirmsDate}
          />
        </Form.Item>
      )}
      <Divider titlePlacement="start" plain>
        {t("field.moneyGroup")}
      </Divider>
      <Flex gap={16}>
        <Form.Item
          name="totalInvestmentFen"
          label={t("field.totalInvestment")}
          rules={[zodRule(s.totalInvestmentFen, "null")]}
          style={half}
        >
          <WanInput unit={wan} />
        </Form.Item>
        <Form.Item
          name="fixedAssetFen"
          label={t("field.fixedAsset")}
          rules={[zodRule(s.fixedAssetFen, "null")]}
          style={half}
        >
          <WanInput unit={wan} />
        </Form.Item>
        <Form.Item
          name="foreignCapitalCents"
          label={t("field.foreignCapital")}
          rules={[zodRule(s.foreignCapitalCents, "null")]}
          style={half}
        >
          <WanInput unit={t("field.usd")} />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item
          name="landDemandM2"
          label={t("field.landDemand")}
          rules={[zodRule(s.landDemandM2, "null")]}
          style={half}
        >
          <MuInput unit={t("field.mu")} />
        </Form.Item>
        <Form.Item
          name="floorDemandM2"
          label={t("field.floorDemand")}
          rules={[zodRule(s.floorDemandM2, "null")]}
          style={half}
        >
          <NumberInput unit="m²" />
        </Form.Item>
        <Form.Item name="jobs" label={t("field.jobs")} rules={[zodRule(s.jobs, "null")]} style={half}>
          <NumberInput unit={t("field.persons")} integer />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item
          name="expectedOutputFen"
          label={t("field.expectedOutput")}
          rules={[zodRule(s.expectedOutputFen, "null")]}
          style={half}
        >
          <WanInput unit={wan} />
        </Form.Item>
        <Form.Item
          name="expectedTaxFen"
          label={t("field.expectedTax")}
          rules={[zodRule(s.expectedTaxFen, "null")]}
          style={half}
        >
          <WanInput unit={wan} />
        </Form.Item>
      </Flex>
      <Form.Item name="manualTags" label={t("field.manualTags")} extra={t("field.manualTagsHint")}>
        <Select<ManualTag[]>
          mode="multiple"
          allowClear
          options={manualTags.map((x) => ({ value: x, label: t(`tag.${x}`) }))}
        />
      </Form.Item>
      <Form.Item name="summary" label={t("field.summary")}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t("field.summaryPh")} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("field.unitsNote")}
      </Typography.Text>
    </>
  );
};
