import { useTranslation } from "react-i18next";
import { PersonPicker } from "../../../components/pickers";

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The stored specialist's name, shown before any search has run. */
  storedName?: string | null;
  id?: string;
  disabled?: boolean;
}

/** A service specialist (服务专员), from GET /api/people, which officers may call too. */
export const SpecialistPicker = (props: Props) => {
  const { t } = useTranslation("enterprises");
  return <PersonPicker personRole="service_specialist" placeholder={t("field.specialistPh")} {...props} />;
};
