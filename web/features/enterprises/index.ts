// Route pages are imported lazily by path from web/app.
export { useEnterprises } from "./api/enterprises.api";
export { enterprisesMessages } from "./enterprises.messages";
