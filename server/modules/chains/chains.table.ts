import { sql } from "drizzle-orm";
import {
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
