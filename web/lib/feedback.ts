import { App } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "./api";

/** Toasts in the app's antd context: server messages as the server wrote them. */
export const useFeedback = () => {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const error = useCallback(
    (e: unknown) => {
      if (isApiError(e)) {
        // A schema refusal's own message names fields by path ("输入有误：body.x"): its field
        // messages say what is wrong in words.
        const fields = e.code === "VALIDATION" ? [...new Set(e.fieldIssues.map((i) => i.message))] : [];
        const text = fields.length ? fields.join("；") : e.message || t("error.title");
        void message.error({ content: text, duration: e.code === "STALE_VERSION" ? 6 : 4 });
      } else if (e instanceof Error) void message.error(e.message);
      else void message.error(t("error.title"));
    },
    [message, t],
  );
  const success = useCallback((text: string) => void message.success(text), [message]);
  return { error, success };
};
