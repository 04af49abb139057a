import type { UseMutationResult } from "@tanstack/react-query";
import { Button, Flex, Form, type FormInstance } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { useRecordSubmit } from "./useRecordSubmit";

interface Versioned {
  id: string;
  version: number;
}

/** What a list page hands the form in its record drawer. */
export interface RecordFormProps<T> {
  /** null while creating */
  record: T | null;
  readOnly: boolean;
  onDone: (saved: T, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

interface Props<T extends Versioned, V, C, U> extends RecordFormProps<T> {
  form: FormInstance<V>;
  initialValues: V;
  create: UseMutationResult<T, Error, C>;
  update: UseMutationResult<T, Error, { id: string; body: U }>;
  /** The request body from the form's values; by default the values as they are. */
  toBody?: (values: V) => Record<string, unknown>;
  children: ReactNode;
}

/**
 * The shell of a record's create/edit form: the server's refusal above the
 * fields, and save/cancel below them unless read-only.
 */
export const RecordForm = <T extends Versioned, V extends object, C, U>(p: Props<T, V, C, U>) => {
  const { t } = useTranslation();
  const sub = useRecordSubmit(p.form, p.record, p.create, p.update, p.onDone);
  return (
    <Form<V>
      form={p.form}
      layout="vertical"
      initialValues={p.initialValues}
      // The values are a plain object of fields; the generic V only hides that from the type.
      onFinish={(v) => sub.submit(p.toBody ? p.toBody(v) : ({ ...v } as Record<string, unknown>))}
      disabled={p.readOnly}
      // Editing hints (extra text, placeholders, counters) mean nothing to a reader; global.css hides them.
      className={p.readOnly ? "zy-form-readonly" : undefined}
      scrollToFirstError
    >
      <ApiErrorAlert error={sub.error} extraIssues={sub.extraIssues} onReload={p.onReload} />
      {p.children}
      {/* Inside the <form>, so Enter in a field submits it. */}
      {!p.readOnly && (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
          <Button onClick={p.onCancel}>{t("action.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={sub.saving}>
            {t("action.save")}
          </Button>
        </Flex>
      )}
    </Form>
  );
};
