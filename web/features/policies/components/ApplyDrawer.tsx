import { Drawer } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useFeedback } from "../../../lib/feedback";
import { ApplicationForm, type ApplyPrefill } from "./ApplicationForm";

interface Props {
  /** null: closed */
  prefill: ApplyPrefill | null;
  onClose: () => void;
}

/** The application form in a drawer; a submitted claim opens its own page. */
export const ApplyDrawer = ({ prefill, onClose }: Props) => {
  const { t } = useTranslation("policies");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const name = prefill?.clause?.name;
  const title = !name
    ? t("apply.new")
    : prefill?.firm
      ? t("apply.titleFor", { name, firm: prefill.firm.name })
      : t("apply.title", { name });
  return (
    <Drawer open={prefill !== null} title={title} onClose={onClose} size={640} destroyOnHidden>
      {prefill && (
        <ApplicationForm
          {...prefill}
          onCancel={onClose}
          onDone={(saved) => {
            feedback.success(t("apply.submitted", { code: saved.code }));
            onClose();
            navigate(`/policies/applications/${saved.id}`);
          }}
        />
      )}
    </Drawer>
  );
};
