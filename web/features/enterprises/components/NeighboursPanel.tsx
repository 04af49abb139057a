import { Empty, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type ParcelNeighbour, useParcelNeighbours } from "../api/enterprises.api";

/** 同宗地企业: other firms that reported the same land certificate in the same year. */
export const NeighboursPanel = ({ enterpriseId }: { enterpriseId: string }) => {
  const { t } = useTranslation("enterprises");
  const { data, isLoading, error, refetch } = useParcelNeighbours(enterpriseId);
  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Typography.Paragraph type="secondary">{t("neighbours.sub")}</Typography.Paragraph>
      <Table<ParcelNeighbour>
        rowKey={(n) => `${n.id}:${n.landCertNo}`}
        size="middle"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        locale={{
          emptyText: isLoading ? (
            " "
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("neighbours.empty")}>
              <Typography.Text type="secondary">{t("neighbours.emptyHint")}</Typography.Text>
            </Empty>
          ),
        }}
        columns={[
          {
            title: t("field.name"),
            dataIndex: "name",
            render: (name: string, n) => <Link to={`/enterprises/${n.id}`}>{name}</Link>,
          },
          { title: t("neighbours.landCertNo"), dataIndex: "landCertNo", width: 260 },
        ]}
      />
    </>
  );
};
