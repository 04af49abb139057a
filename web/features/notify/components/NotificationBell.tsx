import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Divider, Empty, Flex, Popover, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFeedback } from "../../../lib/feedback";
import { useMarkAllRead, useRecentNotifications } from "../api/notifications.api";
import { NotificationItem } from "./NotificationItem";
import { useOpenNotification } from "./useOpenNotification";

/** The header's bell: the unread count, and the newest notifications in a popover. */
export const NotificationBell = () => {
  const { t } = useTranslation("notify");
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const recent = useRecentNotifications();
  const readAll = useMarkAllRead();
  const onOpen = useOpenNotification(() => setOpen(false));
  const unread = recent.data?.unread ?? 0;
  const items = recent.data?.items ?? [];

  const content = (
    <div style={{ width: 380, maxWidth: "calc(100vw - 32px)" }} data-testid="notification-popover">
      <Flex justify="space-between" align="center" style={{ padding: "4px 12px 8px" }}>
        <Typography.Text strong>{t("bell.title")}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate(undefined, { onError: feedback.error })}
        >
          {t("bell.readAll")}
        </Button>
      </Flex>
      <Divider style={{ margin: 0 }} />
      <div style={{ maxHeight: 420, overflowY: "auto", padding: "4px 0" }}>
        {recent.isLoading ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("bell.empty")} />
        ) : (
          items.map((n) => <NotificationItem key={n.id} item={n} compact onOpen={onOpen} />)
        )}
      </div>
      <Divider style={{ margin: 0 }} />
      <Flex justify="center" style={{ paddingTop: 8 }}>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t("bell.viewAll")}
        </Link>
      </Flex>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) void recent.refetch();
      }}
      content={content}
      styles={{ container: { padding: "8px 0" } }}
    >
      <Button
        type="text"
        aria-label={unread ? t("bell.labelCount", { n: unread }) : t("bell.label")}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
};
