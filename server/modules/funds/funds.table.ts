import { sql } from "drizzle-orm";
import { date, doublePrecision, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { fen, stamps } from "../../db/columns.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { park, region } from "../org/org.table.js";
import { project } from "../projects/projects.table.js";

/** 产业基金: a fund of a region (and usually a park), its size, government share and commitments. */
export const fund = pgTable(
  "fund",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    name: text("name").notNull(),
    /** the GP / management firm */
    managerId: uuid("manager_id").references(() => enterprise.id),
    sizeFen: fen("size_fen").notNull(),
    committedFen: fen("committed_fen").notNull(),
    governmentFen: fen("government_fen").notNull().default(0),
    inceptionOn: date("inception_on").notNull(),
    termYears: integer("term_years").notNull(),
    status: text("status").notNull().default("investing"),
    focus: text("focus").array().notNull().default(sql`'{}'::text[]`),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("fund_region_name_uq").on(t.regionId, t.name),
    index("fund_park_idx").on(t.parkId),
    index("fund_manager_idx").on(t.managerId),
  ],
);

/** 实缴出资: capital called and paid in, dated. */
export const fundCall = pgTable(
  "fund_call",
  {
    id: uuid("id").primaryKey(),
    fundId: uuid("fund_id")
      .notNull()
      .references(() => fund.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    calledOn: date("called_on").notNull(),
    amountFen: fen("amount_fen").notNull(),
    note: text("note"),
    ...stamps,
  },
  (t) => [index("fund_call_fund_idx").on(t.fundId, t.calledOn)],
);

/**
 * An investment of the fund into a firm and/or a project, with the other money of the same deal
 * (co_invest_fen). park_id is where the money lands — the project's park, else the firm's, else
 * the fund's — fixed when written, so the figures per park need no guessing.
 */
export const fundInvestment = pgTable(
  "fund_investment",
  {
    id: uuid("id").primaryKey(),
    fundId: uuid("fund_id")
      .notNull()
      .references(() => fund.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    enterpriseId: uuid("enterprise_id").references(() => enterprise.id),
    projectId: uuid("project_id").references(() => project.id),
    amountFen: fen("amount_fen").notNull(),
    coInvestFen: fen("co_invest_fen").notNull().default(0),
    investedOn: date("invested_on").notNull(),
    round: text("round").notNull().default("other"),
    stakePct: doublePrecision("stake_pct"),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    index("fund_investment_fund_idx").on(t.fundId, t.investedOn),
    index("fund_investment_park_idx").on(t.parkId, t.investedOn),
    index("fund_investment_enterprise_idx").on(t.enterpriseId),
    index("fund_investment_project_idx").on(t.projectId),
  ],
);

/** 退出: all or part of an investment realised. */
export const fundExit = pgTable(
  "fund_exit",
  {
    id: uuid("id").primaryKey(),
    fundId: uuid("fund_id")
      .notNull()
      .references(() => fund.id, { onDelete: "cascade" }),
    investmentId: uuid("investment_id")
      .notNull()
      .references(() => fundInvestment.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    exitedOn: date("exited_on").notNull(),
    proceedsFen: fen("proceeds_fen").notNull(),
    way: text("way").notNull(),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    index("fund_exit_fund_idx").on(t.fundId, t.exitedOn),
    index("fund_exit_investment_idx").on(t.investmentId),
  ],
);

/** A project the fund brought to the region (基金招商). */
export const fundProject = pgTable(
  "fund_project",
  {
    id: uuid("id").primaryKey(),
    fundId: uuid("fund_id")
      .notNull()
      .references(() => fund.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("fund_project_uq").on(t.fundId, t.projectId),
    index("fund_project_project_idx").on(t.projectId),
  ],
);
