import type { YearFieldKey } from "../../common/enterprise.schema.js";
import type { EnterpriseLabel, ParkKind, Role, ScopeKind, TeamKind } from "../../common/enums.js";

/**
 * A region reference in demo data: a 6-digit code from shared regions.csv
 * (shipped as server/db/reference/regions.csv), or the key of a demo platform.
 */
export type RegionRef = string;

/** A non-administrative platform (no code) placed under a coded region. */
export interface DemoPlatform {
  key: string;
  name: string;
  parent: RegionRef;
  /** Which seed article the fact comes from, e.g. "001". */
  source: string;
}

export interface DemoPark {
  key: string;
  region: RegionRef;
  name: string;
  shortName?: string;
  kind: ParkKind;
  /** key of the parent park (一区多园) */
  parent?: string;
  /** for an enclave (飞地): where it physically is */
  hostLocation?: string;
  areaM2?: number;
  /** the boundary's closed ring, WGS 84 [lng, lat] (the demo's are illustrative) */
  outline?: [number, number][];
  address?: string;
  description: string;
  source: string;
}

export interface DemoTeam {
  key: string;
  region: RegionRef;
  park?: string;
  name: string;
  kind: TeamKind;
  stationCity?: string;
  leaderName?: string;
  source: string;
}

export interface DemoDepartment {
  key: string;
  region: RegionRef;
  name: string;
  shortName?: string;
  source: string;
}

export interface DemoUser {
  username: string;
  /** fictional person */
  name: string;
  roles: Role[];
  /** ref is a RegionRef for "region", a park/team/department/enterprise key otherwise, null for "all" */
  scopes: { kind: ScopeKind; ref: string | null }[];
  region: RegionRef | null;
  department?: string;
}

/** Yearly figures a seed article gives for the firm itself (never a project's investment). */
export interface DemoEnterpriseYear {
  year: number;
  figures: Partial<Record<Extract<YearFieldKey, `${string}Fen`>, number>>;
  /** where the figures come from, quoted as written: "来源：文章编号 002（…）" */
  source: string;
}

/**
 * A firm a seed article names. Loaded through the enterprise service, so each write is
 * validated and audited as if the demo administrator had entered it.
 */
export interface DemoEnterprise {
  key: string;
  /** as the article writes it: the full legal name only where the article gives one */
  name: string;
  /** the park the article places the firm in; the firm's region is the park's */
  park?: string;
  /** the region, when the article names no park */
  region?: RegionRef;
  /**
   * A synthetic code (syntheticUscc of the nearest coded region of the firm's park or region),
   * null for a firm not registered locally (an outside investor). Never the firm's real code.
   */
  uscc: string | null;
  /** GB/T 4754-2017 code at the level the article supports (class, group or division), or null */
  industryCode: string | null;
  /** only when the article gives the full date */
  foundedOn?: string;
  /** labels the article states; loaded with source "来源：文章编号 {source}" and no validity dates */
  labels: EnterpriseLabel[];
  years?: DemoEnterpriseYear[];
  /** username of the demo service specialist who looks after the firm */
  specialist?: string;
  /** what the article says about the firm (documentation; not loaded) */
  note: string;
  /** which seed article names the firm, e.g. "001" */
  source: string;
}

export interface DemoData {
  platforms: DemoPlatform[];
  parks: DemoPark[];
  teams: DemoTeam[];
  departments: DemoDepartment[];
  users: DemoUser[];
  enterprises: DemoEnterprise[];
}
