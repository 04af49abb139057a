import { type ErrorCode, errorMessages, errorStatus, type Lang } from "../../common/errors.js";

export interface LocalText {
  zh: string;
  en: string;
}

/** The one error type services throw; the HTTP layer turns it into the error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalText | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, text?: LocalText, details?: unknown) {
    super(text?.en ?? errorMessages[code].en);
    this.code = code;
    this.text = text;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  messageIn(lang: Lang): string {
    if (this.text) return lang === "en" ? this.text.en : this.text.zh;
    return errorMessages[this.code][lang];
  }
}

export const notFound = () => new AppError("NOT_FOUND");
export const forbidden = () => new AppError("FORBIDDEN");
export const stale = () => new AppError("STALE_VERSION");

export function langOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage?.trim().toLowerCase().startsWith("en") ? "en" : "zh-CN";
}
