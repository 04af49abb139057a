// Route pages and the enterprise panel are imported lazily by path from web/app.
export { evaluationMessages } from "./evaluation.messages";
