import { Button, Col, DatePicker, Divider, Flex, Form, Input, Radio, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ActivityRow,
  activityCreate,
  activityKinds,
  type EventType,
  eventTypes,
  followUpModes,
  leadKinds,
  multiDayKinds,
  PLAN_AHEAD_DAYS,
} from "../../../../common/activity.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FileField } from "../../../components/FileField";
import type { FieldIssue } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useCreateActivity, useUpdateActivity } from "../api/activities.api";
import type { SubjectOption } from "../api/reference.api";
import { type ActivityPrefill, toBody, toValues, type Values } from "./activityValues";
import { EnterprisesPicker, ParkSelect, ParticipantsPicker, ProjectsPicker, TeamSelect } from "./pickers";
import { TheirPeopleField } from "./TheirPeopleField";

interface Props {
  record: ActivityRow | null;
  prefill?: ActivityPrefill;
  readOnly?: boolean;
  onDone: (saved: ActivityRow, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

/**
 * 记录活动 / 编辑活动: the kind first, then only the fields that kind has. Quick to fill: the
 * date is today, the user is on our side, and the record a panel was opened from is linked.
 */
export const ActivityForm = ({ record, prefill = {}, readOnly, onDone, onCancel, onReload }: Props) => {
  const { t } = useTranslation("activities");
  const me = useCurrentUser();
  const { RegionPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const kind = Form.useWatch("kind", form) ?? record?.kind ?? prefill.kind ?? "follow_up";
  const regionId = Form.useWatch("regionId", form);

  // A user working one park or one team files there unless told otherwise.
  const single = (k: "park" | "team") => {
    const g = me.scopes.filter((s) => s.kind === k);
    return g.length === 1 ? (g[0]?.refId ?? null) : null;
  };
  const initial = toValues(
    record,
    {
      ...prefill,
      regionId: prefill.regionId ?? me.regionId,
      parkId: prefill.parkId !== undefined ? prefill.parkId : single("park"),
      teamId: prefill.teamId !== undefined ? prefill.teamId : single("team"),
    },
    me,
  );
  const stored = (record?.links ?? prefill.links ?? []).map((l) => ({
    id: l.subjectId,
    label: l.label,
  }));

  // Names of the park and team filed under, for ones the user's own lists do not show.
  const [names, setNames] = useState({
    park: record?.parkName ?? prefill.parkName ?? null,
    team: record?.teamName ?? prefill.teamName ?? null,
  });
  // The first project picked on a new record fills in the park and team still blank.
  const onPicked = (o: SubjectOption) => {
    if (record) return;
    const v = form.getFieldsValue(["regionId", "parkId", "teamId"]);
    // The project's park and team belong to its region: take them only with it.
    const free = !v.parkId && !v.teamId;
    if (free) form.setFieldsValue({ regionId: o.regionId });
    else if (v.regionId !== o.regionId) return;
    if (!v.parkId && o.parkId) {
      form.setFieldsValue({ parkId: o.parkId });
      setNames((n) => ({ ...n, park: o.parkName }));
    }
    if (!v.teamId && o.teamId) {
      form.setFieldsValue({ teamId: o.teamId });
      setNames((n) => ({ ...n, team: o.teamName }));
    }
  };

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const body = toBody(v, record);
      const saved = record
        ? await update.mutateAsync({ id: record.id, body: { ...body, version: record.version } })
        : await create.mutateAsync(body);
      onDone(saved, !record);
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  const horizon = dayjs().add(PLAN_AHEAD_DAYS, "day");
  const disabledDate = (d: Dayjs) =>
    kind === "follow_up" ? d.isAfter(dayjs(), "day") : d.isAfter(horizon, "day");
  const multiDay = multiDayKinds.includes(kind);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      disabled={readOnly}
      className={readOnly ? "zy-form-readonly" : undefined}
      scrollToFirstError
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onReload} />
      <Form.Item name="kind" label={t("field.kind")}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={activityKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
      </Form.Item>
      {kind === "follow_up" && (
        <Form.Item
          name="mode"
          label={t("field.mode")}
          rules={[{ required: true, message: t("field.modeRequired") }]}
        >
          <Radio.Group options={followUpModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
        </Form.Item>
      )}
      {kind === "event" && (
        <Form.Item name="eventType" label={t("field.eventType")}>
          <Select<EventType>
            allowClear
            style={{ width: 200 }}
            options={eventTypes.map((e) => ({ value: e, label: t(`eventType.${e}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t("field.title")} rules={[zodRule(activityCreate.shape.title)]} required>
        <Input maxLength={120} placeholder={t(`field.titlePh.${kind}`)} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={multiDay ? 6 : 8}>
          <Form.Item
            name="heldOn"
            label={multiDay ? t("field.startOn") : t("field.heldOn")}
            rules={[{ required: true, message: t("field.heldOnRequired") }]}
            tooltip={t("field.futureHint")}
          >
            <DatePicker style={{ width: "100%" }} disabledDate={disabledDate} allowClear={false} />
          </Form.Item>
        </Col>
        {multiDay && (
          <Col span={6}>
            <Form.Item name="endOn" label={t("field.endOn")}>
              <DatePicker style={{ width: "100%" }} disabledDate={disabledDate} />
            </Form.Item>
          </Col>
        )}
        <Col span={multiDay ? 4 : 6}>
          <Form.Item name="city" label={t("field.city")}>
            <Input maxLength={40} placeholder={t("field.cityPh")} />
          </Form.Item>
        </Col>
        <Col span={multiDay ? 8 : 10}>
          <Form.Item name="place" label={t("field.place")}>
            <Input maxLength={120} placeholder={t("field.placePh")} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="projectIds" label={t("field.projects")}>
        <ProjectsPicker stored={stored} placeholder={t("field.projectsPh")} onPicked={onPicked} />
      </Form.Item>
      <Form.Item name="enterpriseIds" label={t("field.enterprises")}>
        <EnterprisesPicker stored={stored} placeholder={t("field.enterprisesPh")} />
      </Form.Item>
      {leadKinds.includes(kind) && (
        <Form.Item name="leadIds" label={t("field.leads")} extra={t("field.leadsHint")}>
          <ProjectsPicker stored={stored} placeholder={t("field.leadsPh")} />
        </Form.Item>
      )}
      <Divider titlePlacement="start" plain style={{ margin: "8px 0 16px" }}>
        {t("field.people")}
      </Divider>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="ourUserIds" label={t("field.ourUsers")}>
            <ParticipantsPicker
              stored={
                record?.ourUsers.map((u) => ({ id: u.id, label: u.name })) ?? [{ id: me.id, label: me.name }]
              }
              placeholder={t("field.ourUsersPh")}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ourNames" label={t("field.ourNames")}>
            <Select mode="tags" open={false} suffixIcon={null} placeholder={t("field.ourNamesPh")} />
          </Form.Item>
        </Col>
      </Row>
      <TheirPeopleField readOnly={readOnly} />
      <Form.Item name="summary" label={t("field.summary")}>
        <Input.TextArea rows={3} maxLength={4000} placeholder={t("field.summaryPh")} />
      </Form.Item>
      <Form.Item name="outcome" label={t("field.outcome")}>
        <Input.TextArea rows={2} maxLength={2000} placeholder={t("field.outcomePh")} />
      </Form.Item>
      <Form.Item name="fileIds" label={t("field.files")}>
        <FileField disabled={readOnly} uploadLabel={t("field.upload")} />
      </Form.Item>
      <Divider titlePlacement="start" plain style={{ margin: "8px 0 16px" }}>
        {t("field.ownership")}
      </Divider>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="regionId"
            label={t("field.region")}
            rules={[zodRule(activityCreate.shape.regionId, "null")]}
            required
          >
            <RegionPicker />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="parkId" label={t("field.park")}>
            <ParkSelect regionId={regionId ?? null} storedName={names.park} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="teamId" label={t("field.team")}>
            <TeamSelect storedName={names.team} />
          </Form.Item>
        </Col>
      </Row>
      {!readOnly && (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
          <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
            {t("common:action.save")}
          </Button>
        </Flex>
      )}
    </Form>
  );
};
