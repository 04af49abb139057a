import type { FastifyInstance } from "fastify";
import { multipart } from "./multipart.js";
import { json } from "./setup.js";

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The import endpoints as a test drives them (DESIGN.md, "Import contract"): upload a file, then
 * run a step and wait for its end. `app` is read at each call, as tests build it in beforeAll.
 */
export function importSteps<J extends { id: string; status: string }>(app: () => FastifyInstance) {
  const view = async (id: string, cookie: string) =>
    json<J>(await app().inject({ url: `/api/imports/${id}`, headers: { cookie } }));
  /** the job once its status is no longer `busy` */
  const until = async (id: string, busy: string, cookie: string) => {
    for (let i = 0; i < 200; i++) {
      const job = await view(id, cookie);
      if (job.status !== busy) return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("import did not finish");
  };
  return {
    view,
    until,
    upload: (entity: string, file: { name: string; type: string; data: Buffer }, cookie: string) => {
      const body = multipart({ entity }, file);
      return app().inject({
        method: "POST",
        url: "/api/imports",
        payload: body.payload,
        headers: { ...body.headers, cookie },
      });
    },
    /** the dry run or the commit, to its end */
    step: async (id: string, step: "validate" | "commit", cookie: string) => {
      const res = await app().inject({
        method: "POST",
        url: `/api/imports/${id}/${step}`,
        headers: { cookie },
      });
      if (res.statusCode !== 202) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
      return until(id, step === "validate" ? "validating" : "committing", cookie);
    },
  };
}
