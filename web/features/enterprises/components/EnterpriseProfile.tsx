import { Descriptions, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Contact, Enterprise } from "../../../../common/enterprise.schema";
import { formatDateCn } from "../../../lib/format";
import { formatCapital } from "../format";
import { StatusTags, UsccText } from "./EnterpriseBits";

const Blank = () => <Typography.Text type="secondary">—</Typography.Text>;
const orBlank = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === "" ? <Blank /> : v;

/** 基本信息: the firm's registered facts, its place, its people. */
export const EnterpriseProfile = ({ firm }: { firm: Enterprise }) => {
  const { t } = useTranslation("enterprises");
  const location =
    firm.lng !== null && firm.lat !== null ? `${firm.lng.toFixed(6)}, ${firm.lat.toFixed(6)}` : null;
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 150 } }}
        items={[
          { key: "name", label: t("field.name"), children: firm.name },
          { key: "uscc", label: t("field.uscc"), children: <UsccText uscc={firm.uscc} copyable /> },
          {
            key: "formerNames",
            label: t("field.formerNames"),
            children: orBlank(firm.formerNames.join("；")),
          },
          { key: "legalRep", label: t("field.legalRep"), children: orBlank(firm.legalRep) },
          {
            key: "capital",
            label: t("field.capital"),
            children: orBlank(formatCapital(firm.registeredCapitalFen, firm.capitalCurrency)),
          },
          { key: "foundedOn", label: t("field.foundedOn"), children: orBlank(formatDateCn(firm.foundedOn)) },
          {
            key: "status",
            label: t("field.status"),
            children: <StatusTags status={firm.status} sizeClass={firm.sizeClass} />,
          },
          {
            key: "industry",
            label: t("field.industry"),
            children: firm.industryCode ? (
              <span>
                <Typography.Text code>{firm.industryCode}</Typography.Text> {firm.industryName}
              </span>
            ) : (
              <Blank />
            ),
          },
          { key: "region", label: t("field.region"), children: firm.regionName },
          { key: "park", label: t("field.park"), children: orBlank(firm.parkName) },
          { key: "address", label: t("field.address"), children: orBlank(firm.address), span: 2 },
          { key: "location", label: t("field.location"), children: orBlank(location) },
          {
            key: "employees",
            label: t("field.employees"),
            children: orBlank(
              firm.employees === null
                ? null
                : `${firm.employees.toLocaleString("zh-CN")} ${t("field.persons")}`,
            ),
          },
          { key: "specialist", label: t("field.specialist"), children: orBlank(firm.specialistName) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("field.contacts")}
      </Typography.Title>
      <Table<Contact>
        size="small"
        rowKey={(c) => `${c.name}:${c.phone ?? ""}`}
        pagination={false}
        dataSource={firm.contacts}
        locale={{ emptyText: t("field.noContacts") }}
        columns={[
          { title: t("field.contactName"), dataIndex: "name", width: 160 },
          { title: t("field.contactTitle"), dataIndex: "title", width: 200 },
          { title: t("field.contactPhone"), dataIndex: "phone" },
        ]}
      />
    </>
  );
};
