import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Table,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type FundRow, type InvestmentRow, investmentRounds } from "../../../../common/fund.schema";
import { ExportButton } from "../../../components/ExportButton";
import { FirmPicker } from "../../../components/pickers";
import { useFeedback } from "../../../lib/feedback";
import { useAddToFund, useExportInvestments, useRemoveFromFund, useUpdateInvestment } from "../api/funds.api";
import { ChildModal } from "./ChildModal";
import { enterConfirmsDate, leverageText, money, WanInput } from "./inputs";
import { ProjectPicker } from "./ProjectPicker";

interface Values {
  enterpriseId: string | null;
  projectId: string | null;
  amountFen: number | null;
  coInvestFen: number | null;
  investedOn: Dayjs | null;
  round: string;
  stakePct: number | null;
  note: string | null;
}

const InvestmentModal = ({
  fund,
  record,
  onClose,
}: {
  fund: FundRow;
  record: InvestmentRow | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation("funds");
  const [form] = Form.useForm<Values>();
  const add = useAddToFund<InvestmentRow>(fund.id, "investments");
  const update = useUpdateInvestment();
  const edit = {
    ...update,
    mutateAsync: (body: Record<string, unknown>) =>
      update.mutateAsync({ id: record!.id, body: { ...body, version: record!.version } }),
  } as unknown as typeof add;
  const left = fund.uncommittedFen + (record?.amountFen ?? 0);
  return (
    <ChildModal<Values>
      title={record ? t("investment.edit") : t("investment.add")}
      okText={t("investment.add")}
      form={form}
      mutation={record ? edit : add}
      done={t("investment.saved")}
      onClose={onClose}
      initialValues={{
        enterpriseId: record?.enterpriseId ?? null,
        projectId: record?.projectId ?? null,
        amountFen: record?.amountFen ?? null,
        coInvestFen: record?.coInvestFen ?? 0,
        investedOn: record ? dayjs(record.investedOn) : null,
        round: record?.round ?? "a",
        stakePct: record?.stakePct ?? null,
        note: record?.note ?? null,
      }}
      toBody={(v) => ({
        ...v,
        coInvestFen: v.coInvestFen ?? 0,
        investedOn: v.investedOn?.format("YYYY-MM-DD"),
      })}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="enterpriseId"
            label={t("investment.enterprise")}
            dependencies={["projectId"]}
            rules={[
              {
                validator: async (_, v) => {
                  if (!v && !form.getFieldValue("projectId")) throw new Error(t("investment.needTarget"));
                },
              },
            ]}
          >
            <FirmPicker allowClear storedName={record?.enterpriseName} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="projectId" label={t("investment.project")}>
            <ProjectPicker allowClear storedName={record?.projectName} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="amountFen"
            label={t("investment.amountWan")}
            extra={t("investment.leftHint", { left: money(left) })}
            rules={[{ required: true, message: t("need.amount") }]}
          >
            <WanInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="coInvestFen"
            label={t("investment.coInvestWan")}
            extra={t("investment.coInvestHelp")}
          >
            <WanInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="investedOn"
            label={t("investment.investedOn")}
            rules={[{ required: true, message: t("need.investedOn") }]}
          >
            <DatePicker style={{ width: "100%" }} onKeyDown={enterConfirmsDate} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="round" label={t("investment.round")}>
            <Select options={investmentRounds.map((r) => ({ value: r, label: t(`round.${r}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="stakePct" label={t("investment.stakePct")}>
            <InputNumber min={0} max={100} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </ChildModal>
  );
};

/** 投资 tab: the fund's deals with the money alongside each, sorted and paged here, exported. */
export const InvestmentsTab = ({
  fund,
  rows,
  canManage,
}: {
  fund: FundRow;
  rows: InvestmentRow[];
  canManage: boolean;
}) => {
  const { t } = useTranslation("funds");
  const feedback = useFeedback();
  const remove = useRemoveFromFund(fund.id, "investments");
  const exportList = useExportInvestments(fund.id, fund.name);
  const [editing, setEditing] = useState<InvestmentRow | null | undefined>(undefined);
  const columns: ColumnsType<InvestmentRow> = [
    {
      title: t("investment.investedOn"),
      dataIndex: "investedOn",
      sorter: (a, b) => a.investedOn.localeCompare(b.investedOn),
    },
    {
      title: t("investment.enterprise"),
      dataIndex: "enterpriseName",
      render: (v: string | null) => v ?? "—",
    },
    { title: t("investment.project"), dataIndex: "projectName", render: (v: string | null) => v ?? "—" },
    { title: t("investment.park"), dataIndex: "parkName", render: (v: string | null) => v ?? "—" },
    { title: t("investment.round"), dataIndex: "round", render: (r: string) => t(`round.${r}`) },
    {
      title: t("investment.amount"),
      dataIndex: "amountFen",
      align: "right",
      sorter: (a, b) => a.amountFen - b.amountFen,
      render: money,
    },
    {
      title: t("field.coInvest"),
      dataIndex: "coInvestFen",
      align: "right",
      sorter: (a, b) => a.coInvestFen - b.coInvestFen,
      render: money,
    },
    {
      title: t("field.leverage"),
      dataIndex: "leverage",
      align: "right",
      render: (x: number | null) => leverageText(x, "n/a"),
    },
    {
      title: t("investment.stakePct"),
      dataIndex: "stakePct",
      align: "right",
      render: (v: number | null) => (v === null ? "—" : `${v}%`),
    },
    {
      title: t("field.exitProceeds"),
      dataIndex: "exitProceedsFen",
      align: "right",
      render: (v: number) => (v ? money(v) : "—"),
    },
    ...(canManage
      ? [
          {
            title: "",
            key: "actions",
            width: 140,
            render: (_: unknown, i: InvestmentRow) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => setEditing(i)}>
                  {t("page.edit")}
                </Button>
                <Popconfirm
                  title={t("investment.deleteConfirm")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutate(i, {
                      onSuccess: () => feedback.success(t("investment.deleted")),
                      onError: feedback.error,
                    })
                  }
                >
                  <Button size="small" type="link" danger>
                    {t("page.delete")}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t("investment.leftHint", { left: money(fund.uncommittedFen) })}
        </Typography.Text>
        <Flex gap={8}>
          <ExportButton mutation={exportList} params={{}} />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t("investment.add")}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<InvestmentRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t("investment.empty") }}
      />
      {editing !== undefined && (
        <InvestmentModal fund={fund} record={editing} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
};
