// The wizard is mounted by web/app for each list that imports (the enterprise registry first).
export { useImportJob } from "./api/imports.api";
export { ImportWizard } from "./components/ImportWizard";
export type { ImportEntity, ImportOption } from "./components/UploadStep";
export { importsMessages } from "./imports.messages";
