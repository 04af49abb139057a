import { Button, Flex, Modal } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  title: string;
  width: number;
  /** the form is done and its result (a secret shown once) is on screen */
  shown: boolean;
  pending: boolean;
  createText: string;
  doneText: string;
  onSubmit: () => void;
  onClose: () => void;
  /** the form, then what it made */
  children: ReactNode;
}

/**
 * A dialog whose form makes something shown only once (a first password, an invitation link):
 * while the result is on screen a click outside does not close it, and the footer's one button
 * says the user has taken it down.
 */
export const OnceModal = (p: Props) => {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={p.width}
      title={p.title}
      onCancel={p.onClose}
      mask={{ closable: !p.shown }}
      destroyOnHidden
      footer={
        p.shown ? (
          <Button type="primary" onClick={p.onClose}>
            {p.doneText}
          </Button>
        ) : (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={p.onClose}>{t("common:action.cancel")}</Button>
            <Button type="primary" loading={p.pending} onClick={p.onSubmit}>
              {p.createText}
            </Button>
          </Flex>
        )
      }
    >
      {p.children}
    </Modal>
  );
};
