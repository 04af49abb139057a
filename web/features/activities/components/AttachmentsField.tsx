import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Upload, type UploadFile } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { uploadAttachment, useFiles } from "../api/reference.api";

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  disabled?: boolean;
}

/** Photos, minutes or a letter of intent: uploaded to the file store, kept as file ids. */
export const AttachmentsField = ({ value = [], onChange, disabled }: Props) => {
  const { t } = useTranslation("activities");
  const feedback = useFeedback();
  const files = useFiles(value);
  // Files on their way up, shown with their progress until the store answers.
  const [pending, setPending] = useState<UploadFile[]>([]);
  // Several files finish one after another: each adds to the ids as they stand then.
  const latest = useRef(value);
  latest.current = value;
  const done: UploadFile[] = value.map((id, i) => ({
    uid: id,
    name: files[i]?.data?.name ?? "…",
    status: "done",
    url: `/api/files/${id}/content`,
  }));
  return (
    <Upload
      fileList={[...done, ...pending]}
      disabled={disabled}
      multiple
      onRemove={(f) => {
        onChange?.(value.filter((id) => id !== f.uid));
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setPending((p) => [...p, { uid: f.uid, name: f.name, status: "uploading", percent: 0 }]);
        uploadAttachment(f, (fraction) => {
          onProgress?.({ percent: Math.round(fraction * 100) });
          setPending((p) => p.map((x) => (x.uid === f.uid ? { ...x, percent: fraction * 100 } : x)));
        }).then(
          (saved) => {
            setPending((p) => p.filter((x) => x.uid !== f.uid));
            latest.current = [...latest.current, saved.id];
            onChange?.(latest.current);
            onSuccess?.(saved);
          },
          (e: unknown) => {
            setPending((p) => p.filter((x) => x.uid !== f.uid));
            const message = isApiError(e) ? e.message : String(e);
            feedback.error(new Error(t("field.uploadFailed", { name: f.name, message })));
            onError?.(e instanceof Error ? e : new Error(message));
          },
        );
      }}
      iconRender={() => <PaperClipOutlined />}
    >
      {!disabled && <Button icon={<UploadOutlined />}>{t("field.upload")}</Button>}
    </Upload>
  );
};
