import nodemailer from "nodemailer";
import type { DeliveryPayload } from "./notify.channels.js";

export interface EmailTarget {
  /** smtp://user@host:port (STARTTLS when offered) or smtps://user@host:465 */
  url: string;
  /** the SMTP password */
  secret: string | null;
  recipients: readonly string[];
  sender: string | null;
}

const TIMEOUT_MS = 10_000;

const absolute = (link: string, baseUrl: string) =>
  /^https?:\/\//.test(link) ? link : `${baseUrl.replace(/\/$/, "")}${link}`;

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The message: the alert's title as subject, its body and link as text and as simple HTML. */
export function emailMessage(p: DeliveryPayload, baseUrl: string) {
  const href = p.link ? absolute(p.link, baseUrl) : null;
  const text = [p.body ?? "", href ? `查看详情：${href}` : ""].filter(Boolean).join("\n\n");
  const html = [
    `<h3>${escapeHtml(p.title)}</h3>`,
    p.body ? `<p>${escapeHtml(p.body).replaceAll("\n", "<br>")}</p>` : "",
    href ? `<p><a href="${escapeHtml(href)}">查看详情</a></p>` : "",
    '<p style="color:#888">此邮件由招引平台自动发送，请勿直接回复。</p>',
  ].join("");
  return { subject: `【招引】${p.title}`, text: text || p.title, html };
}

/**
 * Sends one message to the channel's recipients through its SMTP server. The user name comes
 * from the URL and the password from the channel's secret, so the URL shown to admins holds
 * no password. Failure is any refusal by the server (a recipient refused, auth failed) or a
 * connection problem, reported in words like a robot's.
 */
export async function sendEmail(
  target: EmailTarget,
  payload: DeliveryPayload,
  baseUrl: string,
): Promise<{ ok: boolean; error: string | null }> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return { ok: false, error: "SMTP 地址无效" };
  }
  const secure = url.protocol === "smtps:";
  const user = decodeURIComponent(url.username);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 25),
    secure,
    auth: user ? { user, pass: target.secret ?? "" } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  const from = target.sender ?? (user.includes("@") ? user : `zhaoyin@${url.hostname}`);
  try {
    await transport.sendMail({ from, to: [...target.recipients], ...emailMessage(payload, baseUrl) });
    return { ok: true, error: null };
  } catch (err) {
    const e = err as Error & { code?: string; responseCode?: number; response?: string };
    if (e.responseCode)
      return { ok: false, error: `SMTP ${e.responseCode}：${(e.response ?? e.message).slice(0, 300)}` };
    const why = e.code === "ETIMEDOUT" ? "连接超时" : (e.code ?? e.message);
    return { ok: false, error: `无法连接邮件服务器：${why}` };
  } finally {
    transport.close();
  }
}
