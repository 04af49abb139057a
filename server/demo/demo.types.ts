import type { ParkKind, Role, ScopeKind, TeamKind } from "../../common/enums.js";

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
  /** ref is a RegionRef for "region", a park/team/department key otherwise, null for "all" */
  scopes: { kind: ScopeKind; ref: string | null }[];
  region: RegionRef | null;
  department?: string;
}

export interface DemoData {
  platforms: DemoPlatform[];
  parks: DemoPark[];
  teams: DemoTeam[];
  departments: DemoDepartment[];
  users: DemoUser[];
}
