import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/PageHeader";
import { ChannelsTable } from "./ChannelsTable";
import { DeliveriesTable } from "./DeliveriesTable";
import { JobsTable } from "./JobsTable";

/** Administration of group-robot channels, what was sent, and the scheduled jobs. */
export const NotifyAdminPage = () => {
  const { t } = useTranslation("notify");
  return (
    <>
      <PageHeader title={t("admin.title")} sub={t("admin.sub")} />
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: "channels", label: t("admin.channels"), children: <ChannelsTable /> },
            { key: "deliveries", label: t("admin.deliveries"), children: <DeliveriesTable /> },
            { key: "jobs", label: t("admin.jobs"), children: <JobsTable /> },
          ]}
        />
      </Card>
    </>
  );
};
