import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { fen, stamps } from "../../db/columns.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, park, region, team } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/** Numbers project codes (XM2026-00001) across regions; gaps after a rollback are harmless. */
export const projectCodeSeq = pgSequence("project_code_seq");

/** An investment project from lead to full production. */
export const project = pgTable(
  "project",
  {
    id: uuid("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    investorId: uuid("investor_id")
      .notNull()
      .references(() => enterprise.id),
    kind: text("kind").notNull().default("industrial"),
    industryCode: text("industry_code"),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    teamId: uuid("team_id").references(() => team.id),
    officerId: uuid("officer_id").references(() => users.id, { onDelete: "set null" }),
    channel: text("channel").notNull(),
    totalInvestmentFen: fen("total_investment_fen"),
    /** US dollar cents */
    foreignCapitalCents: fen("foreign_capital_cents"),
    fixedAssetFen: fen("fixed_asset_fen"),
    landDemandM2: doublePrecision("land_demand_m2"),
    floorDemandM2: doublePrecision("floor_demand_m2"),
    expectedOutputFen: fen("expected_output_fen"),
    expectedTaxFen: fen("expected_tax_fen"),
    jobs: integer("jobs"),
    manualTags: text("manual_tags").array().notNull().default(sql`'{}'::text[]`),
    summary: text("summary"),
    stage: text("stage").notNull().default("lead"),
    stageOn: date("stage_on").notNull(),
    /**
     * The day each pipeline stage was first reached, by stage order (1 = 线索 … 10 = 达产), null
     * where skipped: the pipeline summary's durations read it instead of the stage history.
     */
    // Nulls inside mark skipped stages: write it through stageDatesSql (Drizzle quotes a null item).
    stageDates: date("stage_dates").array().notNull().default(sql`'{}'::date[]`),
    /** the stage a stopped project left, so it can resume there */
    stoppedFrom: text("stopped_from"),
    /** likely duplicates seen at registration, and why it was registered anyway */
    duplicateOf: uuid("duplicate_of").array().notNull().default(sql`'{}'::uuid[]`),
    duplicateReason: text("duplicate_reason"),
    /** normalised name for duplicate checks */
    nameKey: text("name_key").notNull(),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull().defaultNow(),
    registeredBy: uuid("registered_by").references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [
    uniqueIndex("project_code_uq").on(t.code),
    // The trailing columns (after the unique id, so they never order anything) let a park's
    // pipeline summary read stages, amounts and stage dates from the index alone.
    index("project_park_stage_idx").on(
      t.parkId,
      t.stage,
      t.id,
      t.stoppedFrom,
      t.totalInvestmentFen,
      t.stageDates,
    ),
    index("project_region_stage_idx").on(t.regionId, t.stage, t.id),
    index("project_team_idx").on(t.teamId),
    index("project_investor_idx").on(t.investorId),
    index("project_name_key_trgm_idx").using("gin", sql`${t.nameKey} gin_trgm_ops`),
  ],
);

/** Who is credited with a project, in percent summing to 100 (rankings read it). */
export const projectCredit = pgTable(
  "project_credit",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    percent: integer("percent").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.teamId] }), index("project_credit_team_idx").on(t.teamId)],
);

/** Every stage move: when it happened, who recorded it, and why when it went back or stopped. */
export const projectStageEvent = pgTable(
  "project_stage_event",
  {
    id: uuid("id").primaryKey(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    on: date("on_date").notNull(),
    reason: text("reason"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("project_stage_event_project_idx").on(t.projectId, t.on)],
);

/** Commitments made at signing. */
export const projectContract = pgTable("project_contract", {
  projectId: uuid("project_id")
    .primaryKey()
    .references(() => project.id, { onDelete: "cascade" }),
  signedOn: date("signed_on").notNull(),
  contractNo: text("contract_no"),
  investmentFen: fen("investment_fen"),
  investBy: date("invest_by"),
  intensityWanPerMu: doublePrecision("intensity_wan_per_mu"),
  taxPerMuWan: doublePrecision("tax_per_mu_wan"),
  outputFen: fen("output_fen"),
  jobs: integer("jobs"),
  startBy: date("start_by"),
  productionBy: date("production_by"),
  ...stamps,
});

/** Key nodes an admin lays out per region, park and project kind; the most specific one applies. */
export const nodeTemplate = pgTable(
  "node_template",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    projectKind: text("project_kind"),
    name: text("name").notNull(),
    ...stamps,
  },
  (t) => [index("node_template_region_idx").on(t.regionId), index("node_template_park_idx").on(t.parkId)],
);

export const nodeTemplateItem = pgTable(
  "node_template_item",
  {
    templateId: uuid("template_id")
      .notNull()
      .references(() => nodeTemplate.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    name: text("name").notNull(),
    departmentId: uuid("department_id").references(() => department.id),
    dueWorkdays: integer("due_workdays").notNull(),
    gate: text("gate"),
    /** completing the node needs at least one evidence file (a permit, a land contract) */
    evidenceRequired: boolean("evidence_required").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.seq] })],
);

/** A project's key node, owned by a department, due a number of working days after signing. */
export const projectNode = pgTable(
  "project_node",
  {
    id: uuid("id").primaryKey(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    name: text("name").notNull(),
    departmentId: uuid("department_id").references(() => department.id),
    gate: text("gate"),
    dueWorkdays: integer("due_workdays").notNull(),
    dueOn: date("due_on"),
    plannedOn: date("planned_on"),
    doneOn: date("done_on"),
    status: text("status").notNull().default("pending"),
    note: text("note"),
    evidenceFileIds: uuid("evidence_file_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** copied from the template item at signing, so a later template edit does not move it */
    evidenceRequired: boolean("evidence_required").notNull().default(false),
    doneBy: uuid("done_by").references(() => users.id, { onDelete: "set null" }),
    /**
     * The record that serves the node, set by its owning module (the site reserved for the land
     * node): a subject pair, with the label it had when linked.
     */
    linkType: text("link_type"),
    linkId: uuid("link_id"),
    linkLabel: text("link_label"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("project_node_project_seq_uq").on(t.projectId, t.seq),
    index("project_node_department_idx").on(t.departmentId, t.status, t.dueOn),
    index("project_node_due_idx").on(t.status, t.dueOn),
    // Open dated nodes per project: the pipeline's overdue count probes it project by project.
    index("project_node_open_idx")
      .on(t.projectId, t.dueOn)
      .where(sql`${t.status} = 'pending' and ${t.dueOn} is not null`),
  ],
);

/** Money actually invested per project and month (实际到位资金), with evidence. */
export const projectFund = pgTable(
  "project_fund",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    /** the first day of the month */
    month: date("month").notNull(),
    domesticFen: fen("domestic_fen").notNull().default(0),
    /** US dollar cents */
    foreignCents: fen("foreign_cents").notNull().default(0),
    evidenceFileIds: uuid("evidence_file_ids").array().notNull().default(sql`'{}'::uuid[]`),
    note: text("note"),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.projectId, t.month] }), index("project_fund_month_idx").on(t.month)],
);

/** What a signed project achieved per year, set against its contract (履约). */
export const projectActual = pgTable(
  "project_actual",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    /** investment completed, cumulative to the year's end */
    investmentFen: fen("investment_fen"),
    outputFen: fen("output_fen"),
    taxFen: fen("tax_fen"),
    jobs: integer("jobs"),
    /** land actually used, m² */
    landM2: doublePrecision("land_m2"),
    note: text("note"),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] })],
);

/** Rows of a project ledger import between the dry run and the commit (one JSON row each). */
export const projectImportStage = pgTable(
  "project_import_stage",
  {
    jobId: uuid("job_id").notNull(),
    rowNo: integer("row_no").notNull(),
    row: jsonb("row").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNo] })],
);
