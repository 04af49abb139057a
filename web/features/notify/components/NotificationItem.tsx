import { Badge, Flex, Typography } from "antd";
import type { NotificationView } from "../../../../common/notify.schema";
import { formatDateTime } from "../../../lib/format";

interface Props {
  item: NotificationView;
  /** the bell's compact form: two lines of body at most */
  compact?: boolean;
  onOpen: (item: NotificationView) => void;
}

/** One notification: unread ones carry a dot and a bold title; a click opens it. */
export const NotificationItem = ({ item, compact, onOpen }: Props) => {
  const unread = !item.readAt;
  return (
    <Flex
      role="button"
      tabIndex={0}
      gap={10}
      className="zy-notification"
      data-unread={unread || undefined}
      onClick={() => onOpen(item)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onOpen(item);
        }
      }}
      style={{ padding: "10px 12px", cursor: "pointer", borderRadius: 6 }}
    >
      <Badge status={unread ? "processing" : "default"} style={{ marginTop: 4 }} />
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={unread} ellipsis={compact ? { tooltip: item.title } : false}>
          {item.title}
        </Typography.Text>
        {item.body && (
          <Typography.Paragraph
            type="secondary"
            style={{ margin: 0, whiteSpace: "pre-line", fontSize: 13 }}
            ellipsis={compact ? { rows: 2 } : false}
          >
            {item.body}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(item.createdAt)}
        </Typography.Text>
      </Flex>
    </Flex>
  );
};
