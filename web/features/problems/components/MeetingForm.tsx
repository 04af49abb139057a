import { Button, DatePicker, Flex, Form, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type MeetingKind,
  type MeetingRow,
  meetingCreate,
  meetingKinds,
} from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useCreateMeeting, useUpdateMeeting } from "../api/meetings.api";

interface Values {
  kind: MeetingKind;
  title: string;
  heldOn: Dayjs | null;
  regionId: string | null;
  chairedBy: string;
  attendees: string[];
  minutes: string;
}

interface Props {
  record: MeetingRow | null;
  onCancel: () => void;
  onReload: () => void;
  onDone: (saved: MeetingRow, created: boolean) => void;
}

/** 新建 / 编辑会议: its kind, day, title, chair, attendees and minutes. */
export const MeetingForm = ({ record, onCancel, onReload, onDone }: Props) => {
  const { t } = useTranslation("problems");
  const me = useCurrentUser();
  const { RegionPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    const fields = {
      kind: v.kind,
      title: v.title.trim(),
      heldOn: v.heldOn ? v.heldOn.format("YYYY-MM-DD") : "",
      chairedBy: v.chairedBy.trim() || null,
      attendees: v.attendees.map((a) => a.trim()).filter(Boolean),
      minutes: v.minutes.trim() || null,
    };
    try {
      const saved = record
        ? await update.mutateAsync({
            id: record.id,
            body: {
              ...fields,
              ...(fields.heldOn === record.heldOn ? { heldOn: undefined } : {}),
              version: record.version,
            },
          })
        : await create.mutateAsync({ ...fields, regionId: v.regionId ?? "" });
      onDone(saved, record === null);
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        kind: record?.kind ?? "xun",
        title: record?.title ?? "",
        heldOn: record ? dayjs(record.heldOn) : dayjs(),
        regionId: record?.regionId ?? me.regionId,
        chairedBy: record?.chairedBy ?? "",
        attendees: record?.attendees ?? [],
        minutes: record?.minutes ?? "",
      }}
      onFinish={onFinish}
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onReload} />
      <Flex gap={16} wrap>
        <Form.Item name="kind" label={t("meeting.kindLabel")} style={{ width: 160 }}>
          <Select<MeetingKind>
            options={meetingKinds.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t("meeting.heldOn")}
          rules={[{ required: true, message: t("meeting.heldOn") }]}
          style={{ width: 200 }}
        >
          <DatePicker
            style={{ width: "100%" }}
            disabled={Boolean(record && record.itemCount > 0)}
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
            allowClear={false}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t("meeting.name")} required rules={[zodRule(meetingCreate.shape.title)]}>
        <Input maxLength={120} showCount placeholder={t("meeting.namePh")} />
      </Form.Item>
      {!record && (
        <Form.Item
          name="regionId"
          label={t("meeting.region")}
          required
          rules={[zodRule(meetingCreate.shape.regionId, "null")]}
        >
          <RegionPicker />
        </Form.Item>
      )}
      <Form.Item name="chairedBy" label={t("meeting.chairedBy")}>
        <Input maxLength={60} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="attendees" label={t("meeting.attendees")}>
        <Select<string[]>
          mode="tags"
          tokenSeparators={["，", ",", "、", " "]}
          placeholder={t("meeting.attendeesPh")}
          open={false}
        />
      </Form.Item>
      <Form.Item name="minutes" label={t("meeting.minutes")}>
        <Input.TextArea rows={6} maxLength={10000} showCount />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t("common:action.save")}
        </Button>
      </Flex>
    </Form>
  );
};
