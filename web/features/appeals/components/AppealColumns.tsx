import { Button, Flex, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { AppealRow } from "../../../../common/appeal.schema";
import { usePermission } from "../../../lib/current-user";
import { formatDate } from "../../../lib/format";
import { CategoryTag, DueCell, isLate, RatingStars, StatusCell } from "./AppealBits";

/** The columns the list, the enterprise page's tab and the enterprise user's home share. */
export const useAppealColumns = (showFirm = true): ColumnsType<AppealRow> => {
  const { t } = useTranslation("appeals");
  const navigate = useNavigate();
  // An enterprise user confirms from the list too: the one thing they owe is on the row.
  const raises = usePermission("appeal.raise");
  const staff = usePermission("appeal.write");
  const confirms = raises && !staff;
  const columns: ColumnsType<AppealRow> = [
    {
      title: t("field.title"),
      dataIndex: "title",
      key: "title",
      width: 240,
      render: (_, a) => (
        <Flex vertical>
          <Link to={`/appeals/${a.id}`} style={isLate(a) ? { color: "#cf1322" } : undefined}>
            {a.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.code}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(showFirm
      ? [
          {
            title: t("field.enterprise"),
            dataIndex: "enterpriseName",
            key: "enterpriseName",
            width: 200,
            render: (_: unknown, a: AppealRow) => (
              <Flex vertical>
                <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
                {a.parkName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.parkName}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
        ]
      : []),
    {
      title: t("field.category"),
      dataIndex: "category",
      width: 90,
      render: (_, a) => <CategoryTag category={a.category} />,
    },
    {
      title: t("field.department"),
      dataIndex: "departmentName",
      width: 170,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t("list.unrouted")}</Typography.Text>,
    },
    {
      title: t("field.raisedOn"),
      dataIndex: "raisedOn",
      key: "raisedOn",
      width: 110,
      sorter: true,
      render: (v: string) => formatDate(v),
    },
    {
      title: t("field.dueOn"),
      dataIndex: "dueOn",
      key: "dueOn",
      width: 130,
      sorter: true,
      render: (_, a) => <DueCell a={a} />,
    },
    {
      title: t("field.status"),
      dataIndex: "status",
      key: "status",
      width: 110,
      render: (_, a) => <StatusCell a={a} />,
    },
    {
      title: t("field.rating"),
      dataIndex: "rating",
      width: 110,
      render: (_, a) =>
        confirms && a.status === "resolved" ? (
          <Button size="small" type="primary" onClick={() => navigate(`/appeals/${a.id}?do=confirm`)}>
            {t("action.confirm")}
          </Button>
        ) : a.status === "closed" ? (
          <RatingStars rating={a.rating} small />
        ) : null,
    },
  ];
  return columns;
};
