import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { type ErrorBody, type ErrorCode, errorMessages, errorStatus } from "../../common/errors.js";
import type { Actor, ActorCtx, Ctx } from "./context.js";
import { AppError, langOf } from "./errors.js";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type CtxFactory = (req: FastifyRequest) => Ctx;

/** Fastify's own error codes mapped onto ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "BAD_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_FILES_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "VALIDATION",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message?: string,
  details?: unknown,
) {
  const lang = langOf(req.headers["accept-language"]);
  const body: ErrorBody = {
    error: { code, message: message ?? errorMessages[code][lang], requestId: String(req.id) },
  };
  if (details !== undefined) body.error.details = details;
  return reply.status(errorStatus[code]).type("application/json; charset=utf-8").send(body);
}

const localeText = (locale: typeof zhLocale, issue: object): string => {
  const out = locale.localeError(issue as Parameters<typeof locale.localeError>[0]);
  return (typeof out === "string" ? out : out?.message) ?? "";
};
const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();
const headOf = (text: string) => text.split("：")[0];

/**
 * zod writes field messages in the server-wide locale (zh-CN). For an English request, a message
 * zod wrote itself is written again in English; one our schemas spell out stays as written.
 */
function inEnglish(code: string, params: unknown, message: string): string {
  if (code === "custom") return message;
  const issue = { code, ...(params as object) };
  if (headOf(localeText(zhLocale, issue)) !== headOf(message)) return message;
  // Without the input zod cannot say what it received.
  return localeText(enLocale, issue).replace(/, received \w+$/, "");
}

export function installErrorHandling(
  app: FastifyInstance,
  onNotFound: (req: FastifyRequest, reply: FastifyReply) => unknown,
) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = langOf(req.headers["accept-language"]);
    if (err instanceof AppError) return sendError(req, reply, err.code, err.messageIn(lang), err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => {
        const keys = (v.params as { keys?: string[] }).keys;
        const path = [v.instancePath.replace(/^\//, "").replaceAll("/", "."), keys?.join(",")]
          .filter(Boolean)
          .join(".");
        return {
          path: path || (err.validationContext ?? "body"),
          message: lang === "en" ? inEnglish(v.keyword, v.params, v.message ?? "") : (v.message ?? ""),
        };
      });
      const fields = details.map((d) => d.path).join(", ");
      const msg = lang === "en" ? `Invalid input: ${fields}` : `输入有误：${fields}`;
      return sendError(req, reply, "VALIDATION", msg, details);
    }
    const mapped = err.code ? fastifyCodes[err.code] : undefined;
    if (mapped) return sendError(req, reply, mapped);
    if (err.statusCode === 429) return sendError(req, reply, "RATE_LIMITED");
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(req, reply, err.statusCode === 413 ? "PAYLOAD_TOO_LARGE" : "VALIDATION", undefined, [
        { path: "", message: err.message },
      ]);
    }
    req.log.error({ err }, "unhandled error");
    return sendError(req, reply, "INTERNAL");
  });
  app.setNotFoundHandler(onNotFound);
}

/** The context of an authenticated request; 401 when there is no session. */
export function actorCtx(makeCtx: CtxFactory, req: FastifyRequest): ActorCtx {
  if (!req.actor) throw new AppError("UNAUTHENTICATED");
  return { ...makeCtx(req), actor: req.actor };
}

/** Copies Set-Cookie headers from Better Auth's answer onto the reply. */
export function forwardCookies(reply: FastifyReply, cookies: string[]) {
  if (cookies.length) reply.header("set-cookie", cookies);
}

/** A Fetch Headers object from Node's incoming headers. */
export function fetchHeaders(req: FastifyRequest): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string") h.set(k, v);
    else if (Array.isArray(v)) for (const x of v) h.append(k, x);
  }
  return h;
}
