import { Button, Card, Empty, Flex, Pagination, Segmented, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useFeedback } from "../../../lib/feedback";
import { useMarkAllRead, useNotifications } from "../api/notifications.api";
import { NotificationItem } from "./NotificationItem";
import { useOpenNotification } from "./useOpenNotification";

/** Every notification of the signed-in user, paged, all or unread only. */
export const NotificationsPage = () => {
  const { t } = useTranslation("notify");
  const feedback = useFeedback();
  const [filter, setFilter] = useState<"all" | "unread">("all");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = { page, pageSize, unread: filter === "unread" ? "true" : undefined };
  const { data, isLoading, error, refetch } = useNotifications(query);
  const readAll = useMarkAllRead();
  const onOpen = useOpenNotification();
  const unread = data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t("inbox.title")}
        sub={t("inbox.sub")}
        extra={
          <Button
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() =>
              readAll.mutate(undefined, {
                onSuccess: (r) => feedback.success(t("inbox.readAllDone", { n: r.updated })),
                onError: feedback.error,
              })
            }
          >
            {t("inbox.readAll")}
          </Button>
        }
      />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Card style={{ maxWidth: 880 }}>
        <Segmented
          value={filter}
          onChange={(v) => {
            setFilter(v as "all" | "unread");
            setPage(1);
          }}
          options={[
            { value: "all", label: t("inbox.all") },
            { value: "unread", label: t("inbox.unread", { n: unread }) },
          ]}
          style={{ marginBottom: 12 }}
        />
        {isLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : !data || data.items.length === 0 ? (
          <Empty description={filter === "unread" ? t("inbox.emptyUnread") : t("inbox.empty")} />
        ) : (
          <Flex vertical gap={2}>
            {data.items.map((n) => (
              <NotificationItem key={n.id} item={n} onOpen={onOpen} />
            ))}
          </Flex>
        )}
        {data && data.total > pageSize && (
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Pagination
              current={page}
              pageSize={pageSize}
              total={data.total}
              showSizeChanger
              onChange={(p, s) => {
                setPage(s === pageSize ? p : 1);
                setPageSize(s);
              }}
              showTotal={(total) => t("common:table.total", { total })}
            />
          </Flex>
        )}
      </Card>
    </>
  );
};
