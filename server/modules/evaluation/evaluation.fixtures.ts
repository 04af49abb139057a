import type { FirmInput, RawFigures } from "../../../common/evaluation.score.js";

/*
 * The evaluation's HTTP tests' population: a dozen firms with hand-picked figures, and their
 * inputs to the pure scoring the SQL run is checked against.
 */

export const WAN = 1_000_000;
export interface Page<T> {
  items: T[];
  total: number;
}
export interface Result {
  enterpriseId: string;
  enterpriseName: string;
  class: string;
  computedClass: string;
  total: number;
  position: number | null;
  population: number | null;
  tReason: string | null;
  forcedReason: string | null;
  unit: string;
  members: number;
  version: number;
}
export type Fig = Partial<RawFigures> & { sizeClass: "above" | "below"; landCertNo?: string };
export interface Firm {
  key: string;
  industryCode: string;
  foundedOn: string;
  now: Fig;
  prev?: Fig;
  events?: string[];
}

// A population touching every rule: shared parcel, missing emission, zero land, zero energy,
// a negative value added, a utility, a young firm, 规下 under and over 3 亩, ties, incidents.
export const firms: Firm[] = [
  {
    key: "甲",
    industryCode: "C3985",
    foundedOn: "2010-05-01",
    now: {
      sizeClass: "above",
      landM2: 20_000,
      taxFen: 723 * WAN,
      valueAddedFen: 4084.8 * WAN,
      energyTce: 1516,
      emissionsT: 0.8,
      employeesAvg: 200,
      rdFen: 150 * WAN,
      revenueFen: 5000 * WAN,
      electricityKwh: 3_000_000,
    },
    prev: { sizeClass: "above", landM2: 20_000, taxFen: 300 * WAN, revenueFen: 6000 * WAN, energyTce: 1000 },
  },
  {
    key: "乙",
    industryCode: "C3985",
    foundedOn: "2012-01-01",
    now: {
      sizeClass: "above",
      landM2: 20_000,
      taxFen: 361 * WAN,
      valueAddedFen: 2042 * WAN,
      energyTce: 1516,
      employeesAvg: 100,
      rdFen: 0,
      revenueFen: 5000 * WAN,
      electricityKwh: 1_000_000,
    },
    prev: { sizeClass: "above", landM2: 20_000, taxFen: 500 * WAN, revenueFen: 9000 * WAN, energyTce: 1000 },
  },
  {
    key: "丙",
    industryCode: "C39",
    foundedOn: "2015-01-01",
    now: {
      sizeClass: "above",
      landM2: 10_000,
      taxFen: 200 * WAN,
      valueAddedFen: 900 * WAN,
      energyTce: 500,
      emissionsT: 0.3,
      employeesAvg: 80,
      rdFen: 40 * WAN,
      revenueFen: 3000 * WAN,
      electricityKwh: 800_000,
      landCertNo: "丽国用(2020)第0088号",
    },
  },
  {
    key: "丁",
    industryCode: "C39",
    foundedOn: "2016-01-01",
    now: {
      sizeClass: "below",
      landM2: 3000,
      taxFen: 30 * WAN,
      revenueFen: 800 * WAN,
      electricityKwh: 900_000,
      landCertNo: "丽国用(2020)第0088号",
    },
  },
  {
    key: "戊",
    industryCode: "C34",
    foundedOn: "2018-01-01",
    now: {
      sizeClass: "above",
      landM2: 0,
      taxFen: 100 * WAN,
      valueAddedFen: 500 * WAN,
      energyTce: 0,
      employeesAvg: 50,
      rdFen: 10 * WAN,
      revenueFen: 2000 * WAN,
      electricityKwh: 0,
    },
  },
  {
    key: "己",
    industryCode: "C34",
    foundedOn: "2018-01-01",
    now: {
      sizeClass: "above",
      landM2: 6000,
      taxFen: 0,
      valueAddedFen: -50 * WAN,
      energyTce: 300,
      emissionsT: 1,
      employeesAvg: 40,
      rdFen: 5 * WAN,
      revenueFen: 900 * WAN,
      electricityKwh: 500_000,
    },
  },
  {
    key: "庚",
    industryCode: "D4411",
    foundedOn: "2005-01-01",
    now: {
      sizeClass: "above",
      landM2: 30_000,
      taxFen: 900 * WAN,
      valueAddedFen: 5000 * WAN,
      energyTce: 9000,
      emissionsT: 5,
      employeesAvg: 300,
      rdFen: 0,
      revenueFen: 20_000 * WAN,
      electricityKwh: 9_000_000,
    },
  },
  {
    key: "辛",
    industryCode: "C39",
    foundedOn: "2024-06-01",
    now: {
      sizeClass: "above",
      landM2: 8000,
      taxFen: 120 * WAN,
      valueAddedFen: 600 * WAN,
      energyTce: 200,
      emissionsT: 0.2,
      employeesAvg: 60,
      rdFen: 20 * WAN,
      revenueFen: 1500 * WAN,
      electricityKwh: 400_000,
    },
  },
  {
    key: "壬",
    industryCode: "C39",
    foundedOn: "2014-01-01",
    now: { sizeClass: "below", landM2: 1000, taxFen: 10 * WAN, electricityKwh: 100_000 },
  },
  {
    key: "癸",
    industryCode: "C39",
    foundedOn: "2014-01-01",
    now: {
      sizeClass: "below",
      landM2: 5000,
      taxFen: 40 * WAN,
      revenueFen: 700 * WAN,
      energyTce: 80,
      electricityKwh: 1_200_000,
    },
    prev: { sizeClass: "below", landM2: 5000, taxFen: 20 * WAN, revenueFen: 500 * WAN, energyTce: 100 },
  },
  {
    key: "子",
    industryCode: "C39",
    foundedOn: "2014-01-01",
    now: {
      sizeClass: "below",
      landM2: 5000,
      taxFen: 40 * WAN,
      revenueFen: 700 * WAN,
      energyTce: 80,
      electricityKwh: 1_200_000,
    },
    events: ["major_safety_incident"],
  },
  {
    key: "丑",
    industryCode: "C39",
    foundedOn: "2013-01-01",
    now: {
      sizeClass: "above",
      landM2: 12_000,
      taxFen: 260 * WAN,
      valueAddedFen: 1500 * WAN,
      energyTce: 600,
      emissionsT: 0.5,
      employeesAvg: 90,
      rdFen: 60 * WAN,
      revenueFen: 4000 * WAN,
      electricityKwh: 900_000,
    },
    events: ["patent", "env_penalty"],
  },
];

export const raw = (f: Fig): RawFigures => ({
  taxFen: f.taxFen ?? null,
  valueAddedFen: f.valueAddedFen ?? null,
  revenueFen: f.revenueFen ?? null,
  rdFen: f.rdFen ?? null,
  landM2: f.landM2 ?? null,
  energyTce: f.energyTce ?? null,
  electricityKwh: f.electricityKwh ?? null,
  emissionsT: f.emissionsT ?? null,
  employeesAvg: f.employeesAvg ?? null,
});
export const inputOf = (f: Firm, id: string): FirmInput => ({
  id,
  sizeClass: f.now.sizeClass,
  parcel: f.now.landCertNo ?? null,
  figures: raw(f.now),
  facts: {
    sizeClass: f.now.sizeClass,
    landMu: f.now.landM2 == null ? null : (f.now.landM2 * 3) / 2000,
    floorRentedM2: null,
    revenue: f.now.revenueFen == null ? null : f.now.revenueFen / WAN,
    tax: f.now.taxFen == null ? null : f.now.taxFen / WAN,
    yearsFounded: 2025 - Number(f.foundedOn.slice(0, 4)),
    industryCode: f.industryCode,
    status: "operating",
    labels: [],
    events: f.events ?? [],
  },
});
