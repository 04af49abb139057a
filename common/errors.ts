/** Stable error codes shared by server and web; one code → one HTTP status. */
export const errorStatus = {
  VALIDATION: 400,
  BAD_JSON: 400,
  FILE_TYPE_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  DUPLICATE: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DB_BUSY: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId: string };
}

export type Lang = "zh-CN" | "en";

/** Default messages per code; services may pass a more specific message. */
export const errorMessages: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION: { "zh-CN": "输入有误，请检查标注的字段", en: "Invalid input; check the fields named" },
  BAD_JSON: { "zh-CN": "请求体不是有效的 JSON", en: "The request body is not valid JSON" },
  FILE_TYPE_MISMATCH: {
    "zh-CN": "文件内容与声明的类型不符",
    en: "The file content does not match its declared type",
  },
  UNAUTHENTICATED: { "zh-CN": "请先登录", en: "Please sign in" },
  BAD_CREDENTIALS: { "zh-CN": "用户名或密码错误", en: "Wrong username or password" },
  FORBIDDEN: { "zh-CN": "没有执行此操作的权限", en: "You are not permitted to do this" },
  NOT_FOUND: { "zh-CN": "记录不存在或不在您的管辖范围内", en: "Not found, or outside your scope" },
  ROUTE_NOT_FOUND: { "zh-CN": "接口不存在", en: "No such API route" },
  CONFLICT: { "zh-CN": "操作与现有数据冲突", en: "The change conflicts with existing data" },
  STALE_VERSION: {
    "zh-CN": "记录已被他人修改，请刷新后重试",
    en: "Someone else changed this record; reload and try again",
  },
  DUPLICATE: { "zh-CN": "已存在相同的记录", en: "A record with the same key already exists" },
  GONE: { "zh-CN": "链接已失效", en: "The link is no longer valid" },
  PAYLOAD_TOO_LARGE: { "zh-CN": "提交的内容过大", en: "The request is too large" },
  UNSUPPORTED_MEDIA_TYPE: { "zh-CN": "不支持的内容类型", en: "Unsupported content type" },
  ACCOUNT_LOCKED: {
    "zh-CN": "密码连续错误次数过多，账号已临时锁定，请稍后再试或联系管理员",
    en: "Too many failed attempts; the account is locked for a while",
  },
  ACCOUNT_DISABLED: { "zh-CN": "账号已停用", en: "This account is disabled" },
  RATE_LIMITED: { "zh-CN": "请求过于频繁，请稍后再试", en: "Too many requests; try again later" },
  INTERNAL: { "zh-CN": "服务器内部错误，请联系管理员", en: "Internal server error" },
  DB_BUSY: { "zh-CN": "数据库正被其他进程占用", en: "The database is held by another process" },
};
