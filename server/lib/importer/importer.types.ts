import type { z } from "zod";
import type { ActorCtx, Ctx } from "../context.js";
import type { Permission } from "../policy.js";

/** A cell as read from the sheet, before the column's type is applied. */
export type Cell =
  | string
  | number
  | boolean
  | Date
  | null
  | { formulaWithoutValue: string }
  | { error: string };

export type CellType = "text" | "uscc" | "int" | "number" | "date" | "bool" | "choice" | "list";

/** Quantities whose unit comes from the header or the cell, never guessed. */
export type UnitKind = "money" | "area" | "energy" | "electricity" | "mass";

export interface ImportColumn {
  key: string;
  /** the Chinese header the template uses */
  label: string;
  /** other headers users write for it (统一社会信用代码 / 信用代码 / 社会信用代码…) */
  synonyms: string[];
  type: CellType;
  unit?: UnitKind;
  /** money columns that may be in US dollars (registered capital of a foreign firm) */
  allowUsd?: boolean;
  required?: boolean;
  /** no negative values */
  nonNegative?: boolean;
  /** date columns: also month-only dates (2020.8, 2020年10月 → the 1st) and 待定 (blank) */
  approximate?: boolean;
  /** choice columns: accepted words → stored code */
  choices?: Record<string, string>;
}

/** A parsed value: money in fen (with its currency), areas in m², energy in tce, electricity in kWh, mass in tonnes. */
export type Value = string | number | boolean | string[] | { fen: number; currency: "CNY" | "USD" } | null;

export interface RowProblem {
  /** column key, or null for the row as a whole */
  key: string | null;
  message: string;
}

export interface PreparedRow<R> {
  row?: R;
  /** key for duplicate detection inside one file (the USCC) */
  dedupeKey?: string | null;
  problems: RowProblem[];
}

export interface ImportRunInfo {
  jobId: string;
  fileName: string;
  options: Record<string, unknown>;
  /** column keys the user mapped: only these are written on update */
  mapped: string[];
  blankClears: boolean;
  /** the uploaded file's size, in a dry run (a spec may get ready for a large file) */
  fileBytes?: number;
  /** rows the dry run found valid, in a commit (a spec checks it has them all) */
  validRows?: number;
}

/** What a module declares to import an entity (DESIGN.md, "Import contract"). */
export interface ImportSpec<R, L = unknown> {
  entity: string;
  label: string;
  permission: Permission;
  columns: ImportColumn[];
  /** options the user sets for the whole file (a default region, the year) */
  options: z.ZodType<Record<string, unknown>>;
  /** lookups loaded once per run (parks by name, regions by code) */
  prepare(ctx: ActorCtx, run: ImportRunInfo): Promise<L>;
  /** turns one row's parsed values into the module's row, or says what is wrong */
  row(values: Record<string, Value>, lookups: L, run: ImportRunInfo): PreparedRow<R>;
  /** writes validated rows into the module's staging table (called in chunks) */
  stage(ctx: ActorCtx, run: ImportRunInfo, rows: { rowNo: number; row: R }[]): Promise<void>;
  /** after staging: problems only the database can see, and what the commit would do */
  review(
    ctx: ActorCtx,
    run: ImportRunInfo,
  ): Promise<{
    problems: { rowNo: number; key: string | null; message: string }[];
    create: number;
    update: number;
  }>;
  /** one transaction: merges the staged rows and writes the batch audit entries */
  commit(ctx: ActorCtx, run: ImportRunInfo): Promise<{ created: number; updated: number }>;
  /** drops the staged rows (also run by the daily sweep, with no actor) */
  clear(ctx: Ctx, jobId: string): Promise<void>;
}

/** Specs of different row types share one registry; methods are bivariant, so any spec fits. */
export type AnyImportSpec = ImportSpec<unknown, unknown>;
