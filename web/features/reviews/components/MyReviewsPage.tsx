import { Button, Flex, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ReviewRow } from "../../../../common/review.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { formatDateTime } from "../../../lib/format";
import { useMyReviews } from "../api/reviews.api";
import { ConclusionTag, Score } from "./ReviewBits";
import { useMyState } from "./useMyState";

const stateColor = { toScore: "orange", scored: "green", concluded: "default" } as const;

/** 我的评审: the panels the expert sits on, open ones first (the server's order). */
export const MyReviewsPage = () => {
  const { t } = useTranslation("reviews");
  const { data, isFetching, error, refetch } = useMyReviews();
  const navigate = useNavigate();
  const stateOf = useMyState();
  const toScore = (data ?? []).filter((r) => stateOf(r).state === "toScore").length;

  const columns: ColumnsType<ReviewRow> = [
    {
      title: t("mine.review"),
      key: "title",
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/reviews/mine/${r.id}`}>{r.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.subjectLabel}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("mine.state"),
      key: "state",
      width: 150,
      render: (_, r) => {
        const { state } = stateOf(r);
        return (
          <Flex gap={4} wrap>
            <Tag color={stateColor[state]} style={{ marginInlineEnd: 0 }}>
              {t(`mine.${state}`)}
            </Tag>
            <ConclusionTag conclusion={r.conclusion} />
          </Flex>
        );
      },
    },
    {
      title: t("mine.myTotal"),
      key: "myTotal",
      width: 100,
      align: "right",
      render: (_, r) => <Score value={stateOf(r).seat?.total} strong />,
    },
    {
      title: t("review.average"),
      key: "average",
      width: 100,
      align: "right",
      render: (_, r) => <Score value={r.averageScore} />,
    },
    {
      title: t("review.createdAt"),
      key: "createdAt",
      width: 150,
      render: (_, r) => formatDateTime(r.createdAt),
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      width: 100,
      render: (_, r) => {
        const open = stateOf(r).state === "toScore";
        return (
          <Button
            type={open ? "primary" : "default"}
            size="small"
            onClick={() => navigate(`/reviews/mine/${r.id}`)}
          >
            {open ? t("mine.score") : t("mine.view")}
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t("mine.title")}
        sub={data && toScore > 0 ? t("mine.subPending", { n: toScore }) : t("mine.sub")}
      />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<ReviewRow>
        rowKey="id"
        columns={columns}
        dataSource={data}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: isFetching && !data ? " " : t("mine.empty") }}
      />
    </>
  );
};
