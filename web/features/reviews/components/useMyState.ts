import type { ReviewRow } from "../../../../common/review.schema";
import { useCurrentUser, usePermission } from "../../../lib/current-user";
import { myPanelist } from "../score";

/** Where the expert stands on a review: to score, scored (still editable), or concluded. */
export const useMyState = () => {
  const me = useCurrentUser();
  const manages = usePermission("review.manage");
  return (r: ReviewRow) => {
    const seat = myPanelist(r, { name: me.name, manages });
    const state = r.status === "concluded" ? "concluded" : seat?.submittedAt ? "scored" : "toScore";
    return { seat, state } as const;
  };
};
