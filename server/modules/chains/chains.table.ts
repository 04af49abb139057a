import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { RankWeights } from "../../../common/chain.prospect.js";
import type { ChainGoal, ChainListKind, StrengthRule } from "../../../common/chain.schema.js";
import { stamps } from "../../db/columns.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, region, team } from "../org/org.table.js";
import { project } from "../projects/projects.table.js";
import { users } from "../users/users.table.js";

/** 产业链: a region's chain with its 链长, 链主 firms, lead department and team, goals and rule. */
export const chain = pgTable(
  "chain",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    description: text("description"),
    chiefId: uuid("chief_id").references(() => users.id, { onDelete: "set null" }),
    chiefTitle: text("chief_title"),
    // 链主 firms; repointed by the enterprise-merge handler
    leaderFirmIds: uuid("leader_firm_ids").array().notNull().default(sql`'{}'::uuid[]`),
    departmentId: uuid("department_id").references(() => department.id, { onDelete: "set null" }),
    teamId: uuid("team_id").references(() => team.id, { onDelete: "set null" }),
    goals: jsonb("goals").$type<ChainGoal[]>().notNull().default([]),
    lists: text("lists").array().$type<ChainListKind[]>().notNull().default(sql`'{}'::text[]`),
    rule: jsonb("rule").$type<StrengthRule>().notNull(),
    status: text("status").notNull().default("active"),
    template: text("template"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("chain_region_name_uq").on(t.regionId, t.name),
    index("chain_region_idx").on(t.regionId, t.status),
  ],
);

/** 环节: a node of the chain's DAG; edges live in chain_link_edge. */
export const chainLink = pgTable(
  "chain_link",
  {
    id: uuid("id").primaryKey(),
    chainId: uuid("chain_id")
      .notNull()
      .references(() => chain.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    segment: text("segment").notNull(),
    order: integer("sort_order").notNull().default(0),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("chain_link_name_uq").on(t.chainId, t.name),
    index("chain_link_chain_idx").on(t.chainId, t.order),
  ],
);

export const chainLinkEdge = pgTable(
  "chain_link_edge",
  {
    parentId: uuid("parent_id")
      .notNull()
      .references(() => chainLink.id, { onDelete: "cascade" }),
    childId: uuid("child_id")
      .notNull()
      .references(() => chainLink.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.parentId, t.childId] }), index("chain_link_edge_child_idx").on(t.childId)],
);

/** A firm on a link; one firm may sit on several links and chains. */
export const chainLinkFirm = pgTable(
  "chain_link_firm",
  {
    linkId: uuid("link_id")
      .notNull()
      .references(() => chainLink.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprise.id, { onDelete: "cascade" }),
    role: text("role").notNull().default("member"),
    note: text("note"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.linkId, t.enterpriseId] }),
    index("chain_link_firm_enterprise_idx").on(t.enterpriseId),
  ],
);

/**
 * Stored firm facts of a chain's links (the expensive part of a chain map: every firm's latest-year
 * figures and current labels). `gen` is bumped by triggers (migration 0030_chains_facts) whenever a firm joins,
 * leaves or changes role on one of the chain's links, a link is added or removed, or the registry's
 * year figures or labels of one of its firms change; the facts are fresh while `computed_gen = gen`
 * and `as_of` is today (labels have validity dates). Readers recompute a stale chain and store it.
 */
export const chainFact = pgTable("chain_fact", {
  chainId: uuid("chain_id")
    .primaryKey()
    .references(() => chain.id, { onDelete: "cascade" }),
  gen: integer("gen").notNull().default(1),
  computedGen: integer("computed_gen").notNull().default(0),
  asOf: text("as_of"),
  firms: integer("firms").notNull().default(0),
  outputWan: doublePrecision("output_wan").notNull().default(0),
  taxWan: doublePrecision("tax_wan").notNull().default(0),
});

/** Per link of a chain_fact: firm count, 链主 count, latest-year sums, labelled-firm counts. */
export const chainLinkFact = pgTable(
  "chain_link_fact",
  {
    linkId: uuid("link_id")
      .primaryKey()
      .references(() => chainLink.id, { onDelete: "cascade" }),
    chainId: uuid("chain_id")
      .notNull()
      .references(() => chain.id, { onDelete: "cascade" }),
    firmCount: integer("firm_count").notNull(),
    leaderCount: integer("leader_count").notNull(),
    outputWan: doublePrecision("output_wan").notNull(),
    taxWan: doublePrecision("tax_wan").notNull(),
    revenueWan: doublePrecision("revenue_wan").notNull(),
    hnteCount: integer("hnte_count").notNull(),
    srdiCount: integer("srdi_count").notNull(),
    giantCount: integer("giant_count").notNull(),
    listedCount: integer("listed_count").notNull(),
  },
  (t) => [index("chain_link_fact_chain_idx").on(t.chainId)],
);

/** Which chain links a project serves (a project's 产业链 panel; converted prospects keep theirs). */
export const chainProject = pgTable(
  "chain_project",
  {
    linkId: uuid("link_id")
      .notNull()
      .references(() => chainLink.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.linkId, t.projectId] }),
    index("chain_project_project_idx").on(t.projectId),
  ],
);

/** 招引目标: a company not yet in contact, from the lists the seeds name. */
export const prospect = pgTable(
  "prospect",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    enterpriseId: uuid("enterprise_id").references(() => enterprise.id, { onDelete: "set null" }),
    sources: text("sources").array().notNull(),
    country: text("country"),
    headquarters: text("headquarters"),
    industryCode: text("industry_code"),
    industry: text("industry"),
    moves: text("moves"),
    signals: text("signals").array().notNull().default(sql`'{}'::text[]`),
    priority: text("priority").notNull().default("medium"),
    status: text("status").notNull().default("new"),
    teamId: uuid("team_id").references(() => team.id, { onDelete: "set null" }),
    projectId: uuid("project_id").references(() => project.id, { onDelete: "set null" }),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    index("prospect_region_idx").on(t.regionId, t.status),
    index("prospect_team_idx").on(t.teamId),
    index("prospect_enterprise_idx").on(t.enterpriseId),
    index("prospect_project_idx").on(t.projectId),
    uniqueIndex("prospect_region_name_uq").on(t.regionId, t.name),
  ],
);

export const prospectLink = pgTable(
  "prospect_link",
  {
    prospectId: uuid("prospect_id")
      .notNull()
      .references(() => prospect.id, { onDelete: "cascade" }),
    linkId: uuid("link_id")
      .notNull()
      .references(() => chainLink.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.prospectId, t.linkId] }), index("prospect_link_link_idx").on(t.linkId)],
);

/** 排名权重 per region, tuned by its administrators. */
export const prospectWeights = pgTable("prospect_weights", {
  regionId: uuid("region_id")
    .primaryKey()
    .references(() => region.id),
  weights: jsonb("weights").$type<RankWeights>().notNull(),
  ...stamps,
});
