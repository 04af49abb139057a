import type { ErrorBody, ErrorCode } from "../../common/errors";

/** One field problem of a VALIDATION error, as the server reports it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error answer from the API, carrying the server's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "NETWORK";
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(
    status: number,
    code: ErrorCode | "NETWORK",
    message: string,
    details: unknown,
    requestId: string | null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** Field issues of a VALIDATION error (empty for any other error). */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === "object" &&
        d !== null &&
        typeof (d as FieldIssue).path === "string" &&
        typeof (d as FieldIssue).message === "string",
    );
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type LanguageSource = () => string;
let currentLanguage: LanguageSource = () => "zh-CN";
/** The i18n setup registers where the request language comes from. */
export const setLanguageSource = (source: LanguageSource): void => {
  currentLanguage = source;
};

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (!window.location.pathname.startsWith("/login")) {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.assign(`/login?next=${next}`);
  }
};
/** The app replaces the default full-page redirect with a router navigation. */
export const setUnauthorizedHandler = (handler: UnauthorizedHandler): void => {
  onUnauthorized = handler;
};

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&b=x`, leaving out empty values. */
export const toSearch = (params?: QueryParams): string => {
  if (!params) return "";
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
};

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Login answers 401 for a wrong password: that must not redirect. */
  skipAuthRedirect?: boolean;
}

const parseErrorBody = async (res: Response): Promise<ApiError> => {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const e = body?.error;
  if (e && typeof e.code === "string") {
    return new ApiError(res.status, e.code, e.message, e.details, e.requestId ?? null);
  }
  return new ApiError(res.status, res.status >= 500 ? "INTERNAL" : "NOT_FOUND", res.statusText, null, null);
};

const send = async (path: string, opts: RequestOptions, accept: string): Promise<Response> => {
  const headers: Record<string, string> = { Accept: accept, "Accept-Language": currentLanguage() };
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(`/api${path}${toSearch(opts.query)}`, {
      method: opts.method ?? "GET",
      headers,
      credentials: "same-origin",
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", networkMessage(), null, null);
  }
  if (!res.ok) {
    const err = await parseErrorBody(res);
    if (res.status === 401 && !opts.skipAuthRedirect && err.code !== "BAD_CREDENTIALS") onUnauthorized();
    throw err;
  }
  return res;
};

const networkMessage = (): string =>
  currentLanguage() === "en"
    ? "Cannot reach the server; check the network and try again"
    : "无法连接服务器，请检查网络后重试";

/** JSON request; resolves to the parsed body, or undefined for 204. */
export const apiRequest = async <T>(path: string, opts: RequestOptions = {}): Promise<T> => {
  const res = await send(path, opts, "application/json");
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
};

export const apiGet = <T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<T> =>
  apiRequest<T>(path, { query, signal });
export const apiPost = <T>(
  path: string,
  body?: unknown,
  opts: Omit<RequestOptions, "body"> = {},
): Promise<T> => apiRequest<T>(path, { ...opts, method: "POST", body: body ?? {} });
export const apiPatch = <T>(path: string, body: unknown): Promise<T> =>
  apiRequest<T>(path, { method: "PATCH", body });
export const apiDelete = (path: string, query?: QueryParams): Promise<void> =>
  apiRequest<void>(path, { method: "DELETE", query });

const filenameFrom = (res: Response, fallback: string): string => {
  const cd = res.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
};

/** Downloads a file answer (an xlsx export) and hands it to the browser. */
export const apiDownload = async (
  path: string,
  query: QueryParams,
  fallbackName: string,
): Promise<string> => {
  const res = await send(path, { query }, "*/*");
  const blob = await res.blob();
  const name = filenameFrom(res, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
};

/**
 * Multipart upload (imports up to 200 MB) with upload progress, which fetch cannot report.
 * Resolves to the parsed JSON answer; refusals become the same ApiError as every other call.
 */
export const apiUpload = <T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", currentLanguage());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", networkMessage(), null, null));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const e = (body as Partial<ErrorBody> | null)?.error;
      const err =
        e && typeof e.code === "string"
          ? new ApiError(xhr.status, e.code, e.message, e.details, e.requestId ?? null)
          : new ApiError(
              xhr.status,
              xhr.status >= 500 ? "INTERNAL" : "NOT_FOUND",
              xhr.statusText,
              null,
              null,
            );
      if (xhr.status === 401) onUnauthorized();
      reject(err);
    };
    xhr.send(form);
  });
