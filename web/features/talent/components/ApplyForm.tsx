import { Col, DatePicker, Form, Input, Row, Select } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TalentProjectRow } from "../../../../common/talent.schema";
import { RemotePicker, useSearchText } from "../../../components/pickers";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { useCreate, useProgrammes, useRounds, useTalents, useUpdate } from "../api/talent.api";

interface Values {
  roundId: string | null;
  talentId: string | null;
  name: string;
  field: string | null;
  levelApplied: string | null;
  appliedOn: dayjs.Dayjs | null;
  note: string | null;
}

const talentLabel = (t: { name: string; field: string | null; parkName: string }) =>
  `${t.name}（${t.field ? `${t.field}，` : ""}${t.parkName}）`;

/** 申报: a round, a talent and a level of the round's programme; the server checks the round's dates. */
export const ApplyForm = (p: Omit<RecordFormProps<TalentProjectRow>, "readOnly">) => {
  const { t } = useTranslation("talent");
  const [form] = Form.useForm<Values>();
  const create = useCreate<TalentProjectRow>("/talent-projects");
  const update = useUpdate<TalentProjectRow>("/talent-projects");
  const rounds = useRounds({ pageSize: 100 });
  const programmes = useProgrammes();
  const [q, setQ] = useSearchText();
  const talents = useTalents({ q, pageSize: 20 });
  const roundId = Form.useWatch("roundId", form);
  const [storedTalent] = useState(p.record?.talentName ?? null);
  const round = rounds.data?.items.find((r) => r.id === roundId);
  const levels = programmes.data?.items.find((x) => x.id === round?.programmeId)?.levels ?? [];
  const r = p.record;
  const initial: Values = {
    roundId: r?.roundId ?? null,
    talentId: r?.talentId ?? null,
    name: r?.name ?? "",
    field: r?.field ?? null,
    levelApplied: r?.levelApplied ?? null,
    appliedOn: r ? dayjs(r.appliedOn) : null,
    note: r?.note ?? null,
  };
  const toBody = (v: Values) =>
    r
      ? { name: v.name, field: v.field || null, levelApplied: v.levelApplied, note: v.note || null }
      : {
          ...v,
          field: v.field || null,
          note: v.note || null,
          appliedOn: v.appliedOn ? v.appliedOn.format("YYYY-MM-DD") : undefined,
        };
  return (
    <RecordForm<TalentProjectRow, Values, unknown, unknown>
      {...p}
      readOnly={false}
      form={form}
      initialValues={initial}
      create={create as never}
      update={update as never}
      toBody={toBody}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="roundId"
            label={t("field.round")}
            rules={[{ required: true, message: "请选择申报批次" }]}
          >
            <Select
              disabled={Boolean(r)}
              showSearch={{ optionFilterProp: "label" }}
              options={rounds.data?.items.map((x) => ({
                value: x.id,
                label: `${x.programmeName} · ${x.name}（${x.opensOn} 至 ${x.closesOn}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="talentId"
            label={t("field.talent")}
            rules={[{ required: true, message: "请选择人才" }]}
          >
            <RemotePicker
              disabled={Boolean(r)}
              rows={talents.data?.items}
              loading={talents.isFetching}
              label={talentLabel}
              onSearch={setQ}
              storedName={storedTalent}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="name"
            label={t("field.projectName")}
            rules={[{ required: true, min: 2, message: "请填写项目名称" }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="field" label={t("field.field")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="levelApplied"
            label={t("field.levelApplied")}
            rules={[{ required: true, message: "请选择申报等级" }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={levels.map((l) => ({ value: l.code, label: `${l.code} · ${l.name}` }))}
            />
          </Form.Item>
        </Col>
        {!r && (
          <Col span={12}>
            <Form.Item name="appliedOn" label={t("field.appliedOn")} extra="不填为今天；须在批次申报期内">
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </RecordForm>
  );
};
