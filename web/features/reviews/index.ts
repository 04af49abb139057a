// Route pages are imported lazily by path from web/app.
export { ProjectReviewsPanel } from "./components/ProjectReviewsPanel";
export { reviewAuditMessages, reviewsMessages } from "./reviews.messages";
