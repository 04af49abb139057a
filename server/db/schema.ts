export * from "../lib/audit/audit.table.js";
export * from "../lib/files/files.table.js";
export * from "../lib/importer/importer.table.js";
export * from "../modules/enterprises/enterprises.table.js";
export * from "../modules/org/org.table.js";
export * from "../modules/settings/settings.table.js";
export * from "../modules/users/users.table.js";
