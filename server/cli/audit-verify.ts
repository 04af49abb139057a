import { verifyAudit } from "../lib/audit/audit.verify.js";
import { withDb } from "./with-db.js";

const ok = await withDb(async (database, secret) => {
  const report = await verifyAudit(database.db, secret);
  for (const c of report.chains) {
    const status = c.ok
      ? "完好 ok"
      : `损坏 BROKEN at #${c.firstBad?.seq} ${c.firstBad?.id ?? ""}: ${c.firstBad?.reason}`;
    console.log(`${c.chainName} (${c.chainKey}): ${c.rows} 条, ${status}`);
  }
  console.log(report.ok ? "审计链校验通过 (audit chain verified)" : "审计链校验失败 (audit chain broken)");
  return report.ok;
});
process.exit(ok ? 0 : 1);
