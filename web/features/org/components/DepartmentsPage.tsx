import { useTranslation } from "react-i18next";
import {
  useDeleteDepartment,
  useDepartment,
  useDepartments,
  useExportDepartments,
} from "../api/departments.api";
import { DepartmentForm } from "./DepartmentForm";
import { RecordListPage } from "./RecordListPage";

const filterKeys = ["regionId"] as const;
const api = {
  useList: useDepartments,
  useOne: useDepartment,
  useDelete: useDeleteDepartment,
  useExport: useExportDepartments,
};

export const DepartmentsPage = () => {
  const { t } = useTranslation("org");
  return (
    <RecordListPage
      section="departments"
      subjectType="department"
      filterKeys={filterKeys}
      api={api}
      form={DepartmentForm}
      scrollX={1100}
      columns={(sortable) => [
        { title: t("departments.shortName"), dataIndex: "shortName", key: "shortName", width: 160 },
        { title: t("common.region"), dataIndex: "regionName", width: 180, ...sortable("region") },
        { title: t("departments.phone"), dataIndex: "phone", key: "phone", width: 150 },
      ]}
    />
  );
};
