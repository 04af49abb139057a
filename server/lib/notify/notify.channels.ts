import { createHmac } from "node:crypto";
import type { ChannelKind } from "../../../common/notify.schema.js";
import { sendEmail } from "./notify.email.js";

/** What a delivery carries; rendered for the channel when sent. */
export interface DeliveryPayload {
  kind: string;
  title: string;
  body: string | null;
  /** an in-app path ("/projects/…"), made absolute with the configured base URL */
  link: string | null;
}

export interface ChannelTarget {
  kind: ChannelKind;
  url: string;
  secret: string | null;
  /** e-mail only */
  recipients: readonly string[];
  sender: string | null;
}

/** DingTalk robot signing: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)). */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
}

// WeCom refuses markdown over 4,096 bytes; DingTalk's limit is larger. Stay well inside both.
const MAX_BODY = 1_500;

function markdown(p: DeliveryPayload, baseUrl: string): string {
  const lines = [`### ${p.title}`];
  if (p.body) lines.push(p.body.length > MAX_BODY ? `${p.body.slice(0, MAX_BODY)}…` : p.body);
  if (p.link) {
    const href = /^https?:\/\//.test(p.link) ? p.link : `${baseUrl.replace(/\/$/, "")}${p.link}`;
    lines.push(`[查看详情](${href})`);
  }
  return lines.join("\n\n");
}

/** Sends one message to a channel: an e-mail through its SMTP server, or a post to its robot. */
export function sendToChannel(
  channel: ChannelTarget,
  payload: DeliveryPayload,
  now: Date,
  baseUrl: string,
): Promise<{ ok: boolean; error: string | null }> {
  if (channel.kind === "email") return sendEmail(channel, payload, baseUrl);
  return postToChannel(buildRequest(channel, payload, now, baseUrl));
}

/** The robot webhook request: URL (signed for DingTalk) and JSON body. */
export function buildRequest(
  channel: ChannelTarget,
  payload: DeliveryPayload,
  now: Date,
  baseUrl: string,
): { url: string; body: unknown } {
  const text = markdown(payload, baseUrl);
  if (channel.kind === "wecom") {
    return { url: channel.url, body: { msgtype: "markdown", markdown: { content: text } } };
  }
  const url = new URL(channel.url);
  if (channel.secret) {
    const timestamp = now.getTime();
    url.searchParams.set("timestamp", String(timestamp));
    url.searchParams.set("sign", dingtalkSign(channel.secret, timestamp));
  }
  return { url: url.toString(), body: { msgtype: "markdown", markdown: { title: payload.title, text } } };
}

const TIMEOUT_MS = 10_000;

interface RobotAnswer {
  errcode?: unknown;
  errmsg?: unknown;
}

/**
 * Posts to the robot. Failure: a network error, a non-2xx answer, or a 2xx whose JSON has a
 * non-zero errcode (both robots answer 200 with errcode for a bad token or signature).
 */
export async function postToChannel(req: {
  url: string;
  body: unknown;
}): Promise<{ ok: boolean; error: string | null }> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(req.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === "TimeoutError" ? "请求超时" : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, error: `无法连接：${why}` };
  }
  const text = await res.text().catch(() => "");
  if (!res.ok) return { ok: false, error: `HTTP ${res.status}${text ? `：${text.slice(0, 300)}` : ""}` };
  let answer: RobotAnswer | null = null;
  try {
    answer = text ? (JSON.parse(text) as RobotAnswer) : null;
  } catch {
    answer = null;
  }
  if (answer && answer.errcode !== undefined && Number(answer.errcode) !== 0) {
    return {
      ok: false,
      error: `errcode ${String(answer.errcode)}：${String(answer.errmsg ?? "")}`.slice(0, 500),
    };
  }
  return { ok: true, error: null };
}

/** Minutes to wait after the nth failed attempt: 1, 2, 4, 8, 16. */
export const backoffMinutes = (attempts: number) => 2 ** (attempts - 1);
/** After this many attempts a delivery is given up as failed. */
export const MAX_ATTEMPTS = 6;

/** "SEC1…9f2a": enough to recognise a secret, not to use it. */
export function maskSecret(secret: string | null): string | null {
  if (!secret) return null;
  return secret.length > 10 ? `${secret.slice(0, 4)}••••${secret.slice(-4)}` : "••••••";
}
