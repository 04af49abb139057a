import type { UseMutationResult } from "@tanstack/react-query";
import { Form, type FormInstance, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors, blanksToNull } from "../../../lib/forms";

interface Props<V> {
  title: string;
  okText: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  mutation: UseMutationResult<unknown, Error, Record<string, unknown>>;
  toBody: (v: V) => Record<string, unknown>;
  done: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal form adding to one of a fund's lists: the server's refusal lands on its fields (the
 * amount above the uncommitted capital on the amount), and nothing closes until it is saved.
 */
export const ChildModal = <V extends object>(p: Props<V>) => {
  const feedback = useFeedback();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const submit = async () => {
    const v = await p.form.validateFields();
    setError(null);
    setExtra([]);
    try {
      await p.mutation.mutateAsync(blanksToNull(p.toBody(v)));
      feedback.success(p.done);
      p.onClose();
    } catch (e) {
      setExtra(applyServerErrors(p.form, e));
      setError(e);
    }
  };
  return (
    <Modal
      open
      title={p.title}
      okText={p.okText}
      onOk={() => void submit()}
      onCancel={p.onClose}
      confirmLoading={p.mutation.isPending}
      destroyOnHidden
      width={640}
    >
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form<V> form={p.form} layout="vertical" initialValues={p.initialValues} onFinish={() => void submit()}>
        {p.children}
      </Form>
    </Modal>
  );
};
