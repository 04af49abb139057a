import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { backends, freshDatabase } from "../../test/setup.js";
import { storedFile } from "../files/files.table.js";
import { newId } from "../ids.js";
import { arrayLiteral, copyFields, copyJson } from "./importer.copy.js";
import { clearSpilled, loadSpilled, spillChunk, spillFormat } from "./importer.spill.js";
import { importJob } from "./importer.table.js";

/** Values COPY must carry unchanged: empty strings apart from nulls, quotes, commas, newlines, backslashes, braces. */
const texts = [
  "",
  "丽水晶睿",
  'say "hi"',
  "a,b",
  "line\nbreak\r\n",
  "C:\\path",
  "\\.",
  "{x}",
  "NULL",
  " padded ",
];
const arrays: (string | null)[][] = [
  [],
  ["丽水", "晶睿"],
  ["NULL", null, ""],
  ['q"uote', "back\\slash", "co,mma", "{brace}", "sp ace"],
];

describe.each(backends)("rows set aside for a commit (%s)", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db.execute(sql`create table spill_probe (job_id uuid, n int, t text, a text[], j jsonb,
      b boolean, x double precision, d date)`);
  });
  afterAll(() => database.close());

  it("reads back every value as it was written, chunk by chunk, and clears", async () => {
    const db = database.db;
    const fileId = newId();
    const jobId = newId();
    await db
      .insert(storedFile)
      .values({ id: fileId, sha256: "0", name: "f.csv", mime: "text/csv", size: 1, kind: "import" });
    await db.insert(importJob).values({
      id: jobId,
      entity: "probe",
      fileId,
      fileName: "f.csv",
      status: "validating",
      createdBy: newId(),
    });
    const rows = texts.map((t, i) => ({
      n: i,
      t,
      a: arrays[i % arrays.length]!,
      j: i % 2 ? null : { name: t, phone: null, n: i },
      b: i % 3 === 0,
      x: i === 1 ? null : i / 7,
      d: i === 2 ? null : "2026-02-14",
    }));
    const line = (r: (typeof rows)[number]) =>
      `${copyFields([jobId, r.n, r.t, r.a])},${copyJson(r.j)},${copyFields([r.b, r.x, r.d])}\n`;
    const body = (part: typeof rows) =>
      spillFormat(db) === "csv"
        ? part.map(line).join("")
        : JSON.stringify(part.map(({ n, t, a, j, b, x, d }) => ({ job_id: jobId, n, t, a, j, b, x, d })));
    await spillChunk(db, jobId, 0, 6, body(rows.slice(0, 6)));
    await spillChunk(db, jobId, 1, rows.length - 6, body(rows.slice(6)));
    const columns = ["job_id", "n", "t", "a", "j", "b", "x", "d"];
    await expect(loadSpilled(db, "spill_probe", jobId, columns, rows.length + 1)).rejects.toThrow(/validate/);
    // Loading again replaces what a failed load left.
    expect(await loadSpilled(db, "spill_probe", jobId, columns, rows.length)).toBe(rows.length);
    const back = (await db.execute(
      sql`select n, t, a, j, b, x, d::text as d from spill_probe order by n`,
    )) as unknown as {
      rows: Record<string, unknown>[];
    };
    expect(back.rows).toEqual(rows.map((r) => ({ ...r, n: r.n })));
    await clearSpilled(db, jobId);
    const left = (await db.execute(
      sql`select count(*)::int as n from import_chunk where job_id = ${jobId}`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(left.rows[0]?.n).toBe(0);
    // Nothing is left to load either (PGlite's chunks are in a file).
    await expect(loadSpilled(db, "spill_probe", jobId, columns, rows.length)).rejects.toThrow(/validate/);
  });
});

describe("array literals", () => {
  it.each([
    [[], "{}"],
    [["a", "b"], "{a,b}"],
    [["a b", null, "null", ""], '{"a b",NULL,"null",""}'],
    [['"', "\\"], '{"\\"","\\\\"}'],
  ])("%j → %s", (items, literal) => {
    expect(arrayLiteral(items as (string | null)[])).toBe(literal);
  });
});
