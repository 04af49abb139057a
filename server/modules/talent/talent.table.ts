import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TalentLevel } from "../../../common/talent.schema.js";
import { fen, stamps } from "../../db/columns.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { park, region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/** 人才计划 (e.g. 绿谷精英计划): a region's programme with its levels, caps and instalment plans. */
export const talentProgramme = pgTable(
  "talent_programme",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    levels: jsonb("levels").$type<TalentLevel[]>().notNull(),
    note: text("note"),
    ...stamps,
  },
  (t) => [uniqueIndex("talent_programme_name_uq").on(t.regionId, t.name)],
);

/** 申报批次: a call for applications under a programme, open between two days. */
export const talentRound = pgTable(
  "talent_round",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => talentProgramme.id),
    name: text("name").notNull(),
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    note: text("note"),
    ...stamps,
  },
  (t) => [uniqueIndex("talent_round_name_uq").on(t.programmeId, t.name)],
);

/** A person: contact and identity columns are read raw only by holders of talent.personal. */
export const talent = pgTable(
  "talent",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id")
      .notNull()
      .references(() => park.id),
    enterpriseId: uuid("enterprise_id").references(() => enterprise.id),
    name: text("name").notNull(),
    gender: text("gender").notNull(),
    birthYear: integer("birth_year"),
    education: text("education"),
    title: text("title"),
    field: text("field"),
    phone: text("phone"),
    idNumber: text("id_number"),
    email: text("email"),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    index("talent_park_idx").on(t.parkId),
    index("talent_enterprise_idx").on(t.enterpriseId),
    uniqueIndex("talent_id_number_uq").on(t.idNumber),
  ],
);

/** 人才项目: a talent's venture applied for in a round, screened, reviewed, recognised at a level. */
export const talentProject = pgTable(
  "talent_project",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id")
      .notNull()
      .references(() => park.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => talentRound.id),
    talentId: uuid("talent_id")
      .notNull()
      .references(() => talent.id),
    enterpriseId: uuid("enterprise_id").references(() => enterprise.id),
    name: text("name").notNull(),
    field: text("field"),
    levelApplied: text("level_applied").notNull(),
    levelRecognised: text("level_recognised"),
    status: text("status").notNull().default("applied"),
    appliedOn: date("applied_on").notNull(),
    recognisedOn: date("recognised_on"),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    index("talent_project_round_idx").on(t.roundId, t.status),
    index("talent_project_park_idx").on(t.parkId, t.recognisedOn),
    index("talent_project_talent_idx").on(t.talentId),
    index("talent_project_enterprise_idx").on(t.enterpriseId),
  ],
);

/** One instalment of a recognised project's reward, paid once its condition is marked met. */
export const talentInstalment = pgTable(
  "talent_instalment",
  {
    id: uuid("id").primaryKey(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => talentProject.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    amountFen: fen("amount_fen").notNull(),
    condition: text("condition").notNull(),
    dueOn: date("due_on"),
    conditionMet: boolean("condition_met").notNull().default(false),
    metOn: date("met_on"),
    ...stamps,
  },
  (t) => [uniqueIndex("talent_instalment_seq_uq").on(t.projectId, t.seq)],
);

/** A payout of an instalment: amount, day and the voucher (凭证号). Append-only. */
export const talentPayout = pgTable(
  "talent_payout",
  {
    id: uuid("id").primaryKey(),
    instalmentId: uuid("instalment_id")
      .notNull()
      .references(() => talentInstalment.id),
    projectId: uuid("project_id")
      .notNull()
      .references(() => talentProject.id),
    amountFen: fen("amount_fen").notNull(),
    paidOn: date("paid_on").notNull(),
    voucher: text("voucher").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("talent_payout_project_idx").on(t.projectId, t.paidOn),
    index("talent_payout_instalment_idx").on(t.instalmentId),
  ],
);

/** 人才公寓: a unit of a building in a park. */
export const talentUnit = pgTable(
  "talent_unit",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id")
      .notNull()
      .references(() => park.id),
    building: text("building").notNull(),
    name: text("name").notNull(),
    address: text("address"),
    rooms: integer("rooms").notNull(),
    areaM2: doublePrecision("area_m2"),
    rentFenMonth: fen("rent_fen_month"),
    note: text("note"),
    ...stamps,
  },
  (t) => [uniqueIndex("talent_unit_name_uq").on(t.parkId, t.building, t.name)],
);

/**
 * A unit allocated to a talent from one day to another; it ends early at check-out. Overlaps on
 * one unit are refused by the service under a row lock on the unit (btree_gist, which an
 * exclusion constraint over uuid would need, is not in PGlite).
 */
export const talentAllocation = pgTable(
  "talent_allocation",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => talentUnit.id),
    talentId: uuid("talent_id")
      .notNull()
      .references(() => talent.id),
    fromOn: date("from_on").notNull(),
    toOn: date("to_on").notNull(),
    checkedInOn: date("checked_in_on"),
    checkedOutOn: date("checked_out_on"),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    index("talent_allocation_unit_idx").on(t.unitId, t.fromOn),
    index("talent_allocation_talent_idx").on(t.talentId),
  ],
);
