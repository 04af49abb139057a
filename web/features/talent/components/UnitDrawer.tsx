import { Button, DatePicker, Drawer, Flex, Form, Popconfirm, Skeleton, Space, Table, Tabs, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AllocationRow } from "../../../../common/talent.schema";
import { RemotePicker, useSearchText } from "../../../components/pickers";
import { apiPost } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useRemove, useTalents, useUnit, useUnitAllocations, useWrite } from "../api/talent.api";
import { FormModal } from "./FormModal";
import { UnitForm } from "./UnitForm";

const talentLabel = (t: { name: string; parkName: string }) => `${t.name}（${t.parkName}）`;

const TalentPicker = (p: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) => {
  const [q, setQ] = useSearchText();
  const talents = useTalents({ q, pageSize: 20 });
  return (
    <RemotePicker
      {...p}
      rows={talents.data?.items}
      loading={talents.isFetching}
      label={talentLabel}
      onSearch={setQ}
    />
  );
};

type Act = { a: AllocationRow; kind: "check-in" | "check-out" } | null;

/** A unit's drawer: its form, allocations (分配, 入住, 退房) and the audit trail. */
export const UnitDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation("talent");
  const { t: tc } = useTranslation();
  const { AuditTrail } = useExtensions();
  const feedback = useFeedback();
  const canManage = usePermission("talent.manage");
  const { data, refetch } = useUnit(id);
  const allocations = useUnitAllocations(id);
  const remove = useRemove("/talent-units");
  const [allocating, setAllocating] = useState(false);
  const [act, setAct] = useState<Act>(null);
  const write = useWrite((v: { path: string; body: unknown }) => apiPost<AllocationRow>(v.path, v.body));
  const label = data ? `${data.building} ${data.name}` : "";
  return (
    <Drawer open={Boolean(id)} title={label} onClose={onClose} size={760} destroyOnHidden>
      {!data ? (
        <Skeleton active />
      ) : (
        <Tabs
          items={[
            {
              key: "allocations",
              label: t("apartments.allocations"),
              children: (
                <>
                  {canManage && (
                    <Flex style={{ marginBottom: 12 }}>
                      <Button type="primary" onClick={() => setAllocating(true)}>
                        {t("apartments.allocate")}
                      </Button>
                    </Flex>
                  )}
                  <Table<AllocationRow>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={allocations.data}
                    locale={{ emptyText: t("apartments.noAllocations") }}
                    columns={[
                      { title: t("field.talent"), dataIndex: "talentName" },
                      { title: t("field.fromOn"), dataIndex: "fromOn" },
                      { title: t("field.toOn"), dataIndex: "toOn" },
                      { title: t("field.checkedInOn"), dataIndex: "checkedInOn", render: (v) => v ?? "—" },
                      { title: t("field.checkedOutOn"), dataIndex: "checkedOutOn", render: (v) => v ?? "—" },
                      {
                        title: t("field.status"),
                        dataIndex: "status",
                        render: (s) => <Tag>{t(`allocation.${s}`)}</Tag>,
                      },
                      {
                        title: "",
                        key: "act",
                        render: (_, a) =>
                          canManage && a.status !== "checked_out" ? (
                            <Button
                              size="small"
                              onClick={() =>
                                setAct({ a, kind: a.status === "allocated" ? "check-in" : "check-out" })
                              }
                            >
                              {a.status === "allocated" ? t("apartments.checkIn") : t("apartments.checkOut")}
                            </Button>
                          ) : null,
                      },
                    ]}
                  />
                </>
              ),
            },
            {
              key: "basic",
              label: tc("field.basic"),
              children: (
                <>
                  <UnitForm
                    key={data.version}
                    record={data}
                    onCancel={onClose}
                    onReload={() => void refetch()}
                    onDone={() => feedback.success(t("talents.saved"))}
                  />
                  {canManage && (
                    <Popconfirm
                      title={t("apartments.deleteConfirm", { name: label })}
                      onConfirm={() =>
                        remove.mutate(data, {
                          onSuccess: () => {
                            feedback.success(t("apartments.deleted"));
                            onClose();
                          },
                          onError: feedback.error,
                        })
                      }
                    >
                      <Button danger style={{ marginTop: 12 }}>
                        {t("apartments.delete")}
                      </Button>
                    </Popconfirm>
                  )}
                </>
              ),
            },
            {
              key: "trail",
              label: tc("action.auditTrail"),
              children: <AuditTrail subjectType="talent_unit" subjectId={data.id} />,
            },
          ]}
        />
      )}
      {allocating && data && (
        <FormModal<{ talentId: string; dates: [dayjs.Dayjs, dayjs.Dayjs] }>
          title={`${t("apartments.allocate")} · ${label}`}
          done={t("apartments.allocated")}
          onClose={() => setAllocating(false)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: `/talent-units/${data.id}/allocations`,
              body: {
                talentId: v.talentId,
                fromOn: v.dates[0].format("YYYY-MM-DD"),
                toOn: v.dates[1].format("YYYY-MM-DD"),
              },
            })
          }
        >
          {() => (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Form.Item
                name="talentId"
                label={t("field.talent")}
                rules={[{ required: true, message: "请选择人才" }]}
              >
                <TalentPicker />
              </Form.Item>
              <Form.Item
                name="dates"
                label={`${t("field.fromOn")} — ${t("field.toOn")}`}
                rules={[{ required: true, message: "请选择分配期" }]}
              >
                <DatePicker.RangePicker />
              </Form.Item>
            </Space>
          )}
        </FormModal>
      )}
      {act && (
        <FormModal<{ on: dayjs.Dayjs }>
          title={`${act.kind === "check-in" ? t("apartments.checkIn") : t("apartments.checkOut")} · ${act.a.talentName}`}
          initialValues={{ on: dayjs() }}
          done={act.kind === "check-in" ? t("apartments.checkInOk") : t("apartments.checkOutOk")}
          onClose={() => setAct(null)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: `/talent-allocations/${act.a.id}/${act.kind}`,
              body: { on: v.on.format("YYYY-MM-DD"), version: act.a.version },
            })
          }
        >
          {() => (
            <Form.Item
              name="on"
              label={t("apartments.actOn")}
              rules={[{ required: true, message: "请选择日期" }]}
            >
              <DatePicker />
            </Form.Item>
          )}
        </FormModal>
      )}
    </Drawer>
  );
};
