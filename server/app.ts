import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "./config.js";
import { type Database, migrationVersion } from "./db/client.js";
import { auditRoutes } from "./lib/audit/audit.routes.js";
import { createAuth } from "./lib/auth.js";
import type { Ctx } from "./lib/context.js";
import { langOf } from "./lib/errors.js";
import { filesRoutes } from "./lib/files/files.routes.js";
import { FileStore } from "./lib/files/files.store.js";
import { type CtxFactory, fetchHeaders, installErrorHandling, sendError } from "./lib/http.js";
import { importerRoutes } from "./lib/importer/importer.routes.js";
import { registerImportJobs } from "./lib/importer/importer.sweep.js";
import { jobsRoutes } from "./lib/jobs/jobs.routes.js";
import { registerNotifyJobs } from "./lib/notify/notify.jobs.js";
import { notifyRoutes } from "./lib/notify/notify.routes.js";
import { viewsRoutes } from "./lib/views/views.routes.js";
import { workdaysRoutes } from "./lib/workdays/workdays.routes.js";
import { activitiesRoutes } from "./modules/activities/activities.routes.js";
import { chainsRoutes } from "./modules/chains/chains.routes.js";
import { enterprisesRoutes } from "./modules/enterprises/enterprises.routes.js";
import { evaluationRoutes } from "./modules/evaluation/evaluation.routes.js";
import { fundsRoutes } from "./modules/funds/funds.routes.js";
import { kpiRoutes } from "./modules/kpi/kpi.routes.js";
import { wireIndicatorProviders } from "./modules/kpi/kpi.wiring.js";
import { orgRoutes } from "./modules/org/org.routes.js";
import { meetingsRoutes } from "./modules/problems/meetings.routes.js";
import { registerProblemJobs } from "./modules/problems/problems.jobs.js";
import { problemsRoutes } from "./modules/problems/problems.routes.js";
import { performanceRoutes } from "./modules/projects/performance.routes.js";
import { registerProjectJobs } from "./modules/projects/projects.jobs.js";
import { projectsRoutes } from "./modules/projects/projects.routes.js";
import { bulletinsRoutes } from "./modules/reports/bulletins.routes.js";
import { cockpitRoutes } from "./modules/reports/cockpit.routes.js";
import { dashboardsRoutes } from "./modules/reports/dashboards.routes.js";
import { reviewsRoutes } from "./modules/reviews/reviews.routes.js";
import { appealsRoutes } from "./modules/service/appeals.routes.js";
import { invitationPublicPrefix, invitationsRoutes } from "./modules/service/invitations.routes.js";
import { policiesRoutes } from "./modules/service/policies.routes.js";
import { visitsRoutes } from "./modules/service/visits.routes.js";
import { settingsRoutes } from "./modules/settings/settings.routes.js";
import { sitesRoutes } from "./modules/sites/sites.routes.js";
import { talentRoutes } from "./modules/talent/talent.routes.js";
import { currentSession } from "./modules/users/session.service.js";
import { sessionRoutes, usersRoutes } from "./modules/users/users.routes.js";

z.config(z.locales.zhCN());

export interface AppDeps {
  database: Database;
  config: Config;
  secret: string;
  /** the clock; tests move it */
  now?: () => Date;
  logger?: boolean;
}

const webDist = fileURLToPath(new URL("../dist/web", import.meta.url));
const startedAt = Date.now();
const version = (
  JSON.parse(fs.readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as {
    version: string;
  }
).version;

/** Public routes: everything else under /api needs a session. */
const publicRoutes = new Set(["/api/health", "/api/session/login"]);

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { database, config, secret } = deps;
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Errors Fastify raises before routing (a malformed URL) still get the error body.
    frameworkErrors: (_err, req, reply) => sendError(req, reply, "VALIDATION"),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("actor", null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        workerSrc: ["'self'", "blob:"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 210 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: { info: { title: "Zhaoyin 招引 API", version }, components: {} },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  const auth = createAuth(database.db, config, secret);
  const store = new FileStore(path.join(config.dataDir, "files"));
  const makeCtx: CtxFactory = (req) =>
    ({
      db: database.db,
      actor: req.actor,
      lang: langOf(req.headers["accept-language"]),
      now,
      log: req.log,
      requestId: String(req.id),
      secret,
    }) satisfies Ctx;

  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
    const url = req.url.split("?")[0]!;
    if (!url.startsWith("/api/") || publicRoutes.has(url) || url.startsWith("/api/docs")) return;
    if (url.startsWith(invitationPublicPrefix)) return;
    if (!req.routeOptions.url) return; // unknown route: the not-found handler answers 404
    const session = await currentSession(auth, database.db, fetchHeaders(req));
    if (!session) return sendError(req, reply, "UNAUTHENTICATED");
    req.actor = session.actor;
  });

  installErrorHandling(app, (req, reply) => {
    // Only page navigations fall back to the app; a missing asset or API route is a real 404.
    const pathname = req.url.split("?")[0]!;
    const isPage =
      req.method === "GET" &&
      !pathname.startsWith("/api") &&
      !pathname.startsWith("/assets/") &&
      !path.extname(pathname);
    if (!isPage || !fs.existsSync(path.join(webDist, "index.html"))) {
      return sendError(req, reply, "ROUTE_NOT_FOUND");
    }
    return reply.type("text/html").sendFile("index.html");
  });

  app.get("/api/health", { schema: { tags: ["system"] } }, async () => ({
    status: "ok" as const,
    db: database.backend,
    migration: await migrationVersion(database.db),
    version,
    uptimeS: Math.round((Date.now() - startedAt) / 1000),
  }));
  sessionRoutes(app, makeCtx, auth, config);
  usersRoutes(app, makeCtx);
  orgRoutes(app, makeCtx);
  enterprisesRoutes(app, makeCtx);
  evaluationRoutes(app, makeCtx);
  projectsRoutes(app, makeCtx);
  performanceRoutes(app, makeCtx);
  registerProjectJobs();
  problemsRoutes(app, makeCtx);
  meetingsRoutes(app, makeCtx);
  registerProblemJobs();
  reviewsRoutes(app, makeCtx);
  activitiesRoutes(app, makeCtx);
  visitsRoutes(app, makeCtx);
  appealsRoutes(app, makeCtx);
  invitationsRoutes(app, makeCtx);
  policiesRoutes(app, makeCtx);
  chainsRoutes(app, makeCtx);
  sitesRoutes(app, makeCtx);
  talentRoutes(app, makeCtx);
  fundsRoutes(app, makeCtx);
  kpiRoutes(app, makeCtx);
  // KPI indicator providers: each module names the indicators its own SQL computes.
  wireIndicatorProviders();
  // 领导驾驶舱 and the role dashboards: readers of the other modules.
  cockpitRoutes(app, makeCtx, config.cockpitMaxAgeSeconds);
  dashboardsRoutes(app, makeCtx);
  // 通报:周、旬、月、季 bulletins (docx + xlsx) on demand and by the daily job.
  bulletinsRoutes(app, makeCtx, config);
  auditRoutes(app, makeCtx);
  filesRoutes(app, makeCtx, store);
  importerRoutes(app, makeCtx, store);
  registerImportJobs();
  settingsRoutes(app, makeCtx);
  registerNotifyJobs();
  jobsRoutes(app, makeCtx, { database, config, secret, now, log: app.log });
  notifyRoutes(app, makeCtx, config.baseUrl);
  workdaysRoutes(app, makeCtx);
  viewsRoutes(app, makeCtx);

  if (fs.existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
  }
  return app;
}
