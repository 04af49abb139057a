import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Table,
  Tag,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InstalmentRow, PayoutRow, TalentProjectRow } from "../../../../common/talent.schema";
import { apiPatch, apiPost } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatWan, wanToFen } from "../../../lib/format";
import { useInstalments, useWrite } from "../api/talent.api";
import { FormModal } from "./FormModal";

const day = (d: dayjs.Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : null);

/** 奖励兑现: the recognised level's instalments, each paid once its condition is marked met, within the cap. */
export const RewardsSection = ({ project }: { project: TalentProjectRow }) => {
  const { t } = useTranslation("talent");
  const feedback = useFeedback();
  const canManage = usePermission("talent.manage");
  const canPay = usePermission("talent.pay");
  const recognised = project.status === "recognised";
  const { data } = useInstalments(project.id, recognised);
  const [paying, setPaying] = useState<InstalmentRow | null>(null);
  const [adding, setAdding] = useState(false);
  const write = useWrite((v: { path: string; body: unknown; patch?: boolean }) =>
    v.patch ? apiPatch<InstalmentRow>(v.path, v.body) : apiPost<InstalmentRow>(v.path, v.body),
  );
  if (!recognised) {
    return (
      <Card title={t("projects.rewards")} size="small">
        <Empty description={t("projects.noRewards")} />
      </Card>
    );
  }
  return (
    <Card
      title={t("projects.rewards")}
      size="small"
      extra={
        canManage && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t("projects.addInstalment")}
          </Button>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t("projects.capLine", {
          cap: formatWan(project.capFen),
          planned: formatWan(project.plannedFen),
          paid: formatWan(project.paidFen),
        })}
      />
      <Table<InstalmentRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data}
        expandable={{
          rowExpandable: (i) => i.payouts.length > 0,
          expandedRowRender: (i) => (
            <Table<PayoutRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={i.payouts}
              columns={[
                { title: t("field.paidOn"), dataIndex: "paidOn" },
                { title: t("field.amount"), dataIndex: "amountFen", render: (v: number) => formatWan(v) },
                { title: t("field.voucher"), dataIndex: "voucher" },
                { title: "经办", dataIndex: "createdByName", render: (v) => v ?? "—" },
              ]}
            />
          ),
        }}
        columns={[
          { title: t("field.seq"), dataIndex: "seq", width: 60 },
          { title: t("field.condition"), dataIndex: "condition" },
          { title: t("field.dueOn"), dataIndex: "dueOn", render: (v) => v ?? "—" },
          {
            title: t("field.amount"),
            dataIndex: "amountFen",
            align: "right",
            render: (v: number) => formatWan(v),
          },
          {
            title: t("field.paid"),
            dataIndex: "paidFen",
            align: "right",
            render: (v: number) => formatWan(v),
          },
          {
            title: t("field.conditionMet"),
            dataIndex: "conditionMet",
            render: (met: boolean, i) =>
              met ? (
                <Tag color="success">{i.metOn}</Tag>
              ) : canManage ? (
                <Popconfirm
                  title={`${t("projects.markMet")}：${i.condition}`}
                  onConfirm={() =>
                    write.mutate(
                      {
                        path: `/talent-instalments/${i.id}`,
                        body: { conditionMet: true, version: i.version },
                        patch: true,
                      },
                      { onSuccess: () => feedback.success(t("projects.metDone")), onError: feedback.error },
                    )
                  }
                >
                  <Button size="small">{t("projects.markMet")}</Button>
                </Popconfirm>
              ) : (
                <Tag>否</Tag>
              ),
          },
          {
            title: "",
            key: "pay",
            render: (_, i) =>
              canPay && i.paidFen < i.amountFen ? (
                <Button type="primary" size="small" onClick={() => setPaying(i)}>
                  {t("projects.pay")}
                </Button>
              ) : null,
          },
        ]}
      />
      {paying && (
        <FormModal<{ amountWan: number; paidOn: dayjs.Dayjs; voucher: string }>
          title={`${t("projects.pay")} · ${t("field.seq")} ${paying.seq}`}
          initialValues={{ amountWan: (paying.amountFen - paying.paidFen) / 1_000_000, paidOn: dayjs() }}
          done={t("projects.paidOk")}
          onClose={() => setPaying(null)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: `/talent-instalments/${paying.id}/payouts`,
              body: { amountFen: wanToFen(v.amountWan), paidOn: day(v.paidOn), voucher: v.voucher },
            })
          }
        >
          {() => (
            <>
              <Form.Item
                name="amountWan"
                label={t("field.amountWan")}
                rules={[{ required: true, message: "请填写金额" }]}
              >
                <InputNumber min={0.0001} precision={4} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item
                name="paidOn"
                label={t("field.paidOn")}
                rules={[{ required: true, message: "请选择兑现日期" }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item
                name="voucher"
                label={t("field.voucher")}
                rules={[{ required: true, min: 2, message: "请填写凭证号" }]}
              >
                <Input maxLength={60} />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
      {adding && (
        <FormModal<{ amountWan: number; condition: string; dueOn?: dayjs.Dayjs }>
          title={t("projects.addInstalment")}
          done={t("projects.addInstalment")}
          onClose={() => setAdding(false)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: `/talent-projects/${project.id}/instalments`,
              body: { amountFen: wanToFen(v.amountWan), condition: v.condition, dueOn: day(v.dueOn) },
            })
          }
        >
          {() => (
            <>
              <Form.Item
                name="amountWan"
                label={t("field.amountWan")}
                rules={[{ required: true, message: "请填写金额" }]}
              >
                <InputNumber min={0.0001} precision={4} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item
                name="condition"
                label={t("field.condition")}
                rules={[{ required: true, min: 2, message: "请填写兑现条件" }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="dueOn" label={t("field.dueOn")}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </Card>
  );
};
