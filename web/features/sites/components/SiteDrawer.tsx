import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Tag,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { classColors, classLabels, type ResultClass } from "../../../../common/evaluation.schema";
import { muOf } from "../../../../common/geo";
import { type SiteRow, siteStatusColors, stockCategories } from "../../../../common/site.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FileField, FileLinks } from "../../../components/FileField";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useCheckSite, useDeleteSite, useRelease, useSite } from "../api/sites.api";
import { SiteForm } from "./SiteForm";

const area = (m2: number | null) =>
  m2 === null ? "—" : `${Math.round(m2).toLocaleString("zh-CN")} 平方米（${muOf(m2).toFixed(2)} 亩）`;
const dash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === "" ? "—" : String(v);

/** 起底核查: confirm or correct the land-stock class, with the findings and evidence. */
const CheckModal = ({ site, onClose }: { site: SiteRow; onClose: () => void }) => {
  const { t } = useTranslation("sites");
  const feedback = useFeedback();
  const check = useCheckSite();
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={`${t("detail.check")}：${site.name}`}
      onCancel={onClose}
      okText={t("detail.check")}
      confirmLoading={check.isPending}
      onOk={() =>
        form.validateFields().then((v) =>
          check.mutate(
            {
              siteId: site.id,
              body: {
                version: site.version,
                stockCategory: v.stockCategory ?? null,
                checkedOn: v.checkedOn.format("YYYY-MM-DD"),
                checkNote: v.checkNote,
                fileIds: v.fileIds ?? [],
              },
            },
            {
              onSuccess: () => {
                feedback.success(t("detail.checked"));
                onClose();
              },
            },
          ),
        )
      }
    >
      <ApiErrorAlert error={check.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ stockCategory: site.stockCategory, checkedOn: dayjs() }}
      >
        <Form.Item name="stockCategory" label={t("field.stockCategory")}>
          <Select allowClear options={stockCategories.map((k) => ({ value: k, label: t(`stock.${k}`) }))} />
        </Form.Item>
        <Form.Item name="checkedOn" label={t("field.checkedOn")} rules={[{ required: true }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="checkNote"
          label={t("field.checkNote")}
          rules={[{ required: true, min: 4, message: "请写明核查情况（至少 4 个字）" }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="fileIds" label={t("field.photos")}>
          <FileField subject={{ type: "site", id: site.id }} uploadLabel="上传照片或证明材料" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const SiteDetail = ({ s, onEdit, onClosed }: { s: SiteRow; onEdit: () => void; onClosed: () => void }) => {
  const { t } = useTranslation("sites");
  const feedback = useFeedback();
  const canManage = usePermission("site.manage");
  const canReserve = usePermission("site.reserve");
  const release = useRelease();
  const remove = useDeleteSite();
  const [checking, setChecking] = useState(false);
  return (
    <>
      {s.areaWarning && <Alert type="warning" showIcon title={s.areaWarning} style={{ marginBottom: 12 }} />}
      <ApiErrorAlert error={release.error ?? remove.error} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {canManage && <Button onClick={onEdit}>{t("detail.edit")}</Button>}
        {canManage && s.stockCategory !== null && (
          <Button onClick={() => setChecking(true)}>{t("detail.check")}</Button>
        )}
        {canReserve && s.status === "reserved" && (
          <Popconfirm
            title={t("detail.releaseConfirm")}
            onConfirm={() =>
              release.mutate(
                { siteId: s.id, version: s.version },
                { onSuccess: () => feedback.success(t("detail.released")) },
              )
            }
          >
            <Button>{t("detail.release")}</Button>
          </Popconfirm>
        )}
        {canManage && (
          <Popconfirm
            title={t("list.deleteConfirm", { name: s.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutate(
                { id: s.id, version: s.version },
                {
                  onSuccess: () => {
                    feedback.success(t("list.deleted"));
                    onClosed();
                  },
                },
              )
            }
          >
            <Button danger>{t("detail.delete")}</Button>
          </Popconfirm>
        )}
      </Flex>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t("field.park")} span="filled">
          {s.parkName}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.kind")}>{t(`kind.${s.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t("field.status")}>
          <Tag color={siteStatusColors[s.status]}>{t(`status.${s.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("field.stockCategory")}>
          {s.stockCategory ? t(`stock.${s.stockCategory}`) : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.code")}>{dash(s.code)}</Descriptions.Item>
        <Descriptions.Item label={t("field.geometryArea")} span="filled">
          {area(s.geometryAreaM2)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.areaM2")} span="filled">
          {area(s.areaM2)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.landUse")}>
          {s.landUse ? t(`landUse.${s.landUse}`) : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.plotRatioMax")}>{dash(s.plotRatioMax)}</Descriptions.Item>
        <Descriptions.Item label={t("field.heightMaxM")}>{dash(s.heightMaxM)}</Descriptions.Item>
        <Descriptions.Item label={t("field.floorLoadKnM2")}>{dash(s.floorLoadKnM2)}</Descriptions.Item>
        <Descriptions.Item label={t("field.powerKva")}>{dash(s.powerKva)}</Descriptions.Item>
        <Descriptions.Item label={t("field.owner")}>{dash(s.owner)}</Descriptions.Item>
        <Descriptions.Item label={t("field.priceWan")}>
          {s.priceFen === null ? "—" : (s.priceFen / 1_000_000).toLocaleString("zh-CN")}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.rentYuan")}>
          {s.rentFenM2Month === null ? "—" : (s.rentFenM2Month / 100).toFixed(2)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.certificateNo")} span="filled">
          {dash(s.certificateNo)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.project")} span="filled">
          {s.projectId ? <a href={`/projects/${s.projectId}`}>{s.projectName}</a> : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.enterprises")} span="filled">
          {s.enterprises.length === 0
            ? "—"
            : s.enterprises.map((e) => (
                <span key={e.id} style={{ marginRight: 12, whiteSpace: "nowrap" }}>
                  <a href={`/enterprises/${e.id}`}>{e.name}</a>
                  {e.evaluation && (
                    <Tag color={classColors[e.evaluation.class as ResultClass]} style={{ marginLeft: 4 }}>
                      {t("field.evaluation", {
                        year: e.evaluation.year,
                        cls: classLabels[e.evaluation.class as ResultClass] ?? e.evaluation.class,
                      })}
                    </Tag>
                  )}
                </span>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.checkedOn")}>{dash(s.checkedOn)}</Descriptions.Item>
        <Descriptions.Item label={t("field.checkNote")}>{dash(s.checkNote)}</Descriptions.Item>
        <Descriptions.Item label={t("field.address")} span="filled">
          {dash(s.address)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.note")} span="filled">
          {dash(s.note)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.photos")} span="filled">
          {s.photoIds.length === 0 ? "—" : <FileLinks ids={s.photoIds} />}
        </Descriptions.Item>
      </Descriptions>
      {checking && <CheckModal site={s} onClose={() => setChecking(false)} />}
    </>
  );
};

/** A site's drawer from the map or the list: details and actions, the form to edit, its history. */
export const SiteDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation("sites");
  const feedback = useFeedback();
  const { data, isLoading, error, refetch } = useSite(id);
  const [editing, setEditing] = useState(false);
  const close = () => {
    setEditing(false);
    onClose();
  };
  return (
    <RecordDrawer
      open={id !== null}
      title={data?.name ?? t("list.title")}
      onClose={close}
      subjectType="site"
      subjectId={id}
      loading={isLoading}
      size={760}
    >
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {data && !editing && <SiteDetail s={data} onEdit={() => setEditing(true)} onClosed={close} />}
      {data && editing && (
        <SiteForm
          record={data}
          onCancel={() => setEditing(false)}
          onReload={() => void refetch()}
          onDone={() => {
            feedback.success(t("list.saved"));
            setEditing(false);
          }}
        />
      )}
    </RecordDrawer>
  );
};
