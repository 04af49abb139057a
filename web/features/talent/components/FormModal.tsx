import { Form, type FormInstance, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors } from "../../../lib/forms";

/** A small form in a modal: the server's refusal above the fields, nothing closes until it succeeds. */
export const FormModal = <V extends object>(p: {
  title: ReactNode;
  okText?: string;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  done: string;
  onClose: () => void;
  children: (form: FormInstance<V>) => ReactNode;
  width?: number;
}) => {
  const [form] = Form.useForm<V>();
  const feedback = useFeedback();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: V) => {
    setError(null);
    setExtra([]);
    setBusy(true);
    try {
      await p.onSubmit(v);
      feedback.success(p.done);
      p.onClose();
    } catch (e) {
      // An issue repeating the alert's own message (a refusal not about one field) is said once.
      const message = e instanceof Error ? e.message : null;
      setExtra(applyServerErrors(form, e).filter((i) => i.message !== message));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={p.title}
      okText={p.okText}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      width={p.width ?? 520}
    >
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form<V> form={form} layout="vertical" initialValues={p.initialValues} onFinish={onFinish}>
        {p.children(form)}
      </Form>
    </Modal>
  );
};
