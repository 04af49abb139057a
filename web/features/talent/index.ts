// Route pages are imported lazily by path from web/app.
export { talentMessages } from "./talent.messages";
