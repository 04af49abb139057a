import { useNavigate } from "react-router";
import type { NotificationView } from "../../../../common/notify.schema";
import { useFeedback } from "../../../lib/feedback";
import { useMarkRead } from "../api/notifications.api";

/** Opening a notification marks it read and follows its link, if it has one. */
export const useOpenNotification = (after?: () => void) => {
  const navigate = useNavigate();
  const feedback = useFeedback();
  const markRead = useMarkRead();
  return (item: NotificationView) => {
    if (!item.readAt) markRead.mutate(item.id, { onError: feedback.error });
    after?.();
    if (item.link) void navigate(item.link);
  };
};
