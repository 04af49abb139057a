import { migrate, migrationVersion } from "../db/client.js";
import { withDb } from "./with-db.js";

await withDb(async (database) => {
  await migrate(database);
  console.log(`迁移完成 (migrated): ${await migrationVersion(database.db)}`);
});
