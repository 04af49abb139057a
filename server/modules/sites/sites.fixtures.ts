import { afterAll, beforeAll } from "vitest";
import type { Position } from "../../../common/geo.js";
import type { Backend } from "../../db/client.js";
import { json, type TestApp, testApp } from "../../test/setup.js";

export type Who = "admin" | "leader" | "officer";
export interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

/** A rectangle of w × h degrees with its south-west corner at (lng, lat), closed. */
export const rect = (lng: number, lat: number, w = 0.002, h = 0.002): Position[][] => [
  [
    [lng, lat],
    [lng + w, lat],
    [lng + w, lat + h],
    [lng, lat + h],
    [lng, lat],
  ],
];
export const polygon = (lng: number, lat: number, w?: number, h?: number) => ({
  type: "Polygon",
  coordinates: rect(lng, lat, w, h),
});

/**
 * The sites tests' app: the full demo at a fixed clock, three users signed in, the Lishui parks
 * and projects they use, and request helpers. Call inside a describe (it registers its hooks).
 */
export function sitesApp(backend: Backend) {
  let t: TestApp;
  const clock = new Date("2026-11-02T02:00:00Z");
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<"etdz" | "fund" | "rongqi" | "fangde", string>;
  const get = (url: string, who: Who = "admin") => t.app.inject({ url, headers: { cookie: cookies[who] } });
  const send = (
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
    who: Who = "admin",
  ) => t.app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const err = (res: Parameters<typeof json>[0]) => json<ErrorBody>(res).error;
  const site = (over: object) => ({
    parkId: ids.fund,
    name: "测试地块",
    kind: "land",
    geometry: polygon(119.95, 28.4),
    landUse: "industrial",
    ...over,
  });
  const project = async (q: string) =>
    json<Page<{ id: string; version: number; stage: string }>>(
      await get(`/api/projects?q=${encodeURIComponent(q)}`),
    ).items[0]!;

  beforeAll(async () => {
    t = await testApp(backend, { demo: "full", now: () => clock });
    for (const u of ["admin", "leader", "officer"] as Who[]) cookies[u] = await t.login(u);
    const parks = json<Page<{ id: string; name: string }>>(await get("/api/parks?pageSize=200")).items;
    ids.etdz = parks.find((p) => p.name === "丽水经济技术开发区")!.id;
    ids.fund = parks.find((p) => p.name === "丽水经开区基金产业园")!.id;
    ids.rongqi = (await project("容祺")).id;
    ids.fangde = (await project("方正智驱")).id;
  });
  afterAll(() => t.close());
  return { ids, cookies, get, send, err, site, project, app: () => t.app };
}
