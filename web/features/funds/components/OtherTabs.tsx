import { PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type CallRow,
  type ExitRow,
  exitWays,
  type FundProjectRow,
  type FundRow,
  type InvestmentRow,
} from "../../../../common/fund.schema";
import {
  channelLabels,
  type ProjectChannel,
  type ProjectStage,
  stageLabels,
} from "../../../../common/project.schema";
import { useFeedback } from "../../../lib/feedback";
import { useAddToFund, useRemoveFromFund } from "../api/funds.api";
import { ChildModal } from "./ChildModal";
import { enterConfirmsDate, money, WanInput } from "./inputs";
import { ProjectPicker } from "./ProjectPicker";

type List = "calls" | "exits" | "projects";

/** A tab's bar and table, with the add button for managers and a confirmed delete per row. */
function ChildTable<T extends { id: string; version: number }>(p: {
  fund: FundRow;
  list: List;
  rows: T[];
  columns: ColumnsType<T>;
  canManage: boolean;
  addLabel: string;
  empty: string;
  deleteLabel: string;
  deleteConfirm: string;
  deleted: string;
  summary?: ReactNode;
  modal: (close: () => void) => ReactNode;
}) {
  const feedback = useFeedback();
  const remove = useRemoveFromFund(p.fund.id, p.list);
  const [adding, setAdding] = useState(false);
  const actions: ColumnsType<T> = p.canManage
    ? [
        {
          title: "",
          key: "actions",
          width: 110,
          render: (_: unknown, r: T) => (
            <Popconfirm
              title={p.deleteConfirm}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutate(r, { onSuccess: () => feedback.success(p.deleted), onError: feedback.error })
              }
            >
              <Button size="small" type="link" danger>
                {p.deleteLabel}
              </Button>
            </Popconfirm>
          ),
        },
      ]
    : [];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{p.summary}</Typography.Text>
        {p.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {p.addLabel}
          </Button>
        )}
      </Flex>
      <Table<T>
        rowKey="id"
        size="small"
        columns={[...p.columns, ...actions]}
        dataSource={p.rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
        locale={{ emptyText: p.empty }}
      />
      {adding && p.modal(() => setAdding(false))}
    </>
  );
}

const CallModal = ({ fund, onClose }: { fund: FundRow; onClose: () => void }) => {
  const { t } = useTranslation("funds");
  const [form] = Form.useForm<{ calledOn: Dayjs | null; amountFen: number | null; note: string | null }>();
  return (
    <ChildModal
      title={t("call.add")}
      okText={t("call.add")}
      form={form}
      mutation={useAddToFund<CallRow>(fund.id, "calls")}
      done={t("call.saved")}
      onClose={onClose}
      initialValues={{}}
      toBody={(v) => ({ ...v, calledOn: v.calledOn?.format("YYYY-MM-DD") })}
    >
      <Form.Item
        name="calledOn"
        label={t("call.calledOn")}
        rules={[{ required: true, message: t("need.calledOn") }]}
      >
        <DatePicker style={{ width: "100%" }} onKeyDown={enterConfirmsDate} />
      </Form.Item>
      <Form.Item
        name="amountFen"
        label={t("call.amountWan")}
        rules={[{ required: true, message: t("need.callAmount") }]}
      >
        <WanInput />
      </Form.Item>
      <Form.Item name="note" label={t("field.note")}>
        <Input maxLength={500} />
      </Form.Item>
    </ChildModal>
  );
};

export const CallsTab = ({
  fund,
  rows,
  canManage,
}: {
  fund: FundRow;
  rows: CallRow[];
  canManage: boolean;
}) => {
  const { t } = useTranslation("funds");
  return (
    <ChildTable<CallRow>
      fund={fund}
      list="calls"
      rows={rows}
      canManage={canManage}
      addLabel={t("call.add")}
      empty={t("call.empty")}
      deleteLabel={t("page.delete")}
      deleteConfirm={t("call.deleteConfirm")}
      deleted={t("call.deleted")}
      summary={t("call.total", { paid: money(fund.paidInFen), committed: money(fund.committedFen) })}
      columns={[
        {
          title: t("call.calledOn"),
          dataIndex: "calledOn",
          sorter: (a, b) => a.calledOn.localeCompare(b.calledOn),
        },
        {
          title: t("call.amount"),
          dataIndex: "amountFen",
          align: "right",
          sorter: (a, b) => a.amountFen - b.amountFen,
          render: money,
        },
        { title: t("field.note"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
      ]}
      modal={(close) => <CallModal fund={fund} onClose={close} />}
    />
  );
};

const ExitModal = ({
  fund,
  investments,
  onClose,
}: {
  fund: FundRow;
  investments: InvestmentRow[];
  onClose: () => void;
}) => {
  const { t } = useTranslation("funds");
  const [form] = Form.useForm<{
    investmentId: string | null;
    exitedOn: Dayjs | null;
    proceedsFen: number | null;
    way: string | null;
    note: string | null;
  }>();
  return (
    <ChildModal
      title={t("exit.add")}
      okText={t("exit.add")}
      form={form}
      mutation={useAddToFund<ExitRow>(fund.id, "exits")}
      done={t("exit.saved")}
      onClose={onClose}
      initialValues={{ way: "transfer" }}
      toBody={(v) => ({ ...v, exitedOn: v.exitedOn?.format("YYYY-MM-DD") })}
    >
      <Form.Item
        name="investmentId"
        label={t("exit.investment")}
        rules={[{ required: true, message: t("need.investment") }]}
      >
        <Select
          options={investments.map((i) => ({
            value: i.id,
            label: `${i.investedOn} ${i.enterpriseName ?? i.projectName} · ${money(i.amountFen)}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="exitedOn"
        label={t("exit.exitedOn")}
        rules={[{ required: true, message: t("need.exitedOn") }]}
      >
        <DatePicker style={{ width: "100%" }} onKeyDown={enterConfirmsDate} />
      </Form.Item>
      <Form.Item
        name="proceedsFen"
        label={t("exit.proceedsWan")}
        rules={[{ required: true, message: t("need.proceeds") }]}
      >
        <WanInput />
      </Form.Item>
      <Form.Item name="way" label={t("exit.way")}>
        <Select options={exitWays.map((w) => ({ value: w, label: t(`way.${w}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t("field.note")}>
        <Input maxLength={500} />
      </Form.Item>
    </ChildModal>
  );
};

export const ExitsTab = (p: {
  fund: FundRow;
  rows: ExitRow[];
  investments: InvestmentRow[];
  canManage: boolean;
}) => {
  const { t } = useTranslation("funds");
  return (
    <ChildTable<ExitRow>
      fund={p.fund}
      list="exits"
      rows={p.rows}
      canManage={p.canManage && p.investments.length > 0}
      addLabel={t("exit.add")}
      empty={t("exit.empty")}
      deleteLabel={t("page.delete")}
      deleteConfirm={t("exit.deleteConfirm")}
      deleted={t("exit.deleted")}
      summary={`${t("field.exitProceeds")} ${money(p.fund.exitProceedsFen)}`}
      columns={[
        {
          title: t("exit.exitedOn"),
          dataIndex: "exitedOn",
          sorter: (a, b) => a.exitedOn.localeCompare(b.exitedOn),
        },
        { title: t("exit.target"), dataIndex: "targetName" },
        { title: t("exit.way"), dataIndex: "way", render: (w: string) => t(`way.${w}`) },
        {
          title: t("exit.proceeds"),
          dataIndex: "proceedsFen",
          align: "right",
          sorter: (a, b) => a.proceedsFen - b.proceedsFen,
          render: money,
        },
        { title: t("field.note"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
      ]}
      modal={(close) => <ExitModal fund={p.fund} investments={p.investments} onClose={close} />}
    />
  );
};

const LinkModal = ({ fund, onClose }: { fund: FundRow; onClose: () => void }) => {
  const { t } = useTranslation("funds");
  const [form] = Form.useForm<{ projectId: string | null; note: string | null }>();
  return (
    <ChildModal
      title={t("project.link")}
      okText={t("project.link")}
      form={form}
      mutation={useAddToFund<FundProjectRow>(fund.id, "projects")}
      done={t("project.linked")}
      onClose={onClose}
      initialValues={{}}
      toBody={(v) => v}
    >
      <Form.Item
        name="projectId"
        label={t("project.pick")}
        rules={[{ required: true, message: t("need.project") }]}
      >
        <ProjectPicker />
      </Form.Item>
      <Form.Item name="note" label={t("field.note")}>
        <Input maxLength={500} />
      </Form.Item>
    </ChildModal>
  );
};

export const ProjectsTab = ({
  fund,
  rows,
  canManage,
}: {
  fund: FundRow;
  rows: FundProjectRow[];
  canManage: boolean;
}) => {
  const { t } = useTranslation("funds");
  return (
    <ChildTable<FundProjectRow>
      fund={fund}
      list="projects"
      rows={rows}
      canManage={canManage}
      addLabel={t("project.link")}
      empty={t("project.empty")}
      deleteLabel={t("project.unlink")}
      deleteConfirm={t("project.unlinkConfirm")}
      deleted={t("project.unlinked")}
      columns={[
        {
          title: t("project.name"),
          dataIndex: "projectName",
          render: (v: string, p) => <Link to={`/projects/${p.projectId}`}>{v}</Link>,
        },
        { title: t("project.code"), dataIndex: "projectCode" },
        {
          title: t("project.stage"),
          dataIndex: "stage",
          render: (s: string) => <Tag>{stageLabels[s as ProjectStage] ?? s}</Tag>,
        },
        {
          title: t("project.channel"),
          dataIndex: "channel",
          render: (c: string) => (
            <Tag
              color={c === "fund" ? "green" : "orange"}
              title={c === "fund" ? undefined : t("project.notFund")}
            >
              {channelLabels[c as ProjectChannel] ?? c}
            </Tag>
          ),
        },
        { title: t("project.park"), dataIndex: "parkName", render: (v: string | null) => v ?? "—" },
        { title: t("project.total"), dataIndex: "totalInvestmentFen", align: "right", render: money },
        { title: t("project.fundInvested"), dataIndex: "fundInvestedFen", align: "right", render: money },
        { title: t("project.signedOn"), dataIndex: "signedOn", render: (v: string | null) => v ?? "—" },
      ]}
      modal={(close) => <LinkModal fund={fund} onClose={close} />}
    />
  );
};
