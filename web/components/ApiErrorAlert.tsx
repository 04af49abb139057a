import { Alert, Button, Typography } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type FieldIssue, isApiError } from "../lib/api";

interface Props {
  error: unknown;
  /** Issues no form field took (shown as a list). */
  extraIssues?: FieldIssue[];
  /** Offered on a 409 STALE_VERSION: reload the record and keep editing. */
  onReload?: () => void;
  onRetry?: () => void;
}

/** The server's message as it sent it, its request id, and a way forward. */
export const ApiErrorAlert = ({ error, extraIssues = [], onReload, onRetry }: Props) => {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // A refusal after "save" must be seen even when the form is scrolled to its buttons.
  useEffect(() => {
    if (error) box.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [error]);
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  const stale = api?.code === "STALE_VERSION";
  const message = api?.message || (error instanceof Error ? error.message : t("error.title"));
  const action =
    stale && onReload ? (
      <Button size="small" type="primary" onClick={onReload}>
        {t("error.staleAction")}
      </Button>
    ) : onRetry ? (
      <Button size="small" onClick={onRetry}>
        {t("error.retry")}
      </Button>
    ) : undefined;
  return (
    <div ref={box}>
      <Alert
        type={stale ? "warning" : "error"}
        showIcon
        role="alert"
        title={message}
        style={{ marginBottom: 16 }}
        action={action}
        description={
          extraIssues.length > 0 || api?.requestId ? (
            <>
              {extraIssues.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {extraIssues.map((i) => (
                    <li key={`${i.path}:${i.message}`}>
                      {i.path ? `${i.path}:` : ""}
                      {i.message}
                    </li>
                  ))}
                </ul>
              )}
              {api?.requestId && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("error.requestId", { id: api.requestId })}
                </Typography.Text>
              )}
            </>
          ) : undefined
        }
      />
    </div>
  );
};
