import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Flex, Upload, type UploadFile } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../lib/api";
import { useFeedback } from "../lib/feedback";
import { type FileSubject, fileUrl, uploadFile, useFiles } from "../lib/files.api";

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** the id Form.Item gives its control, so the label focuses the button */
  id?: string;
  disabled?: boolean;
  /** the record the files belong to: people who can see it can open them */
  subject?: FileSubject;
  /** the button's words, in the feature's terms (上传佐证, 上传照片或纪要) */
  uploadLabel: string;
  maxCount?: number;
}

/**
 * Attachments of a form (evidence, photos, minutes): uploaded to the file store as they are
 * chosen, kept as file ids, each shown with its name and a download link.
 */
export const FileField = ({
  value = [],
  onChange,
  id,
  disabled,
  subject,
  uploadLabel,
  maxCount = 20,
}: Props) => {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const files = useFiles(value);
  // Files on their way up, shown with their progress until the store answers.
  const [pending, setPending] = useState<UploadFile[]>([]);
  // Several files finish one after another: each adds to the ids as they stand then.
  const latest = useRef(value);
  latest.current = value;
  const done: UploadFile[] = value.map((fileId, i) => ({
    uid: fileId,
    name: files[i]?.data?.name ?? "…",
    status: "done",
    url: fileUrl(fileId),
  }));
  return (
    <Upload
      fileList={[...done, ...pending]}
      disabled={disabled}
      multiple
      maxCount={maxCount}
      onRemove={(f) => {
        onChange?.(value.filter((x) => x !== f.uid));
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setPending((p) => [...p, { uid: f.uid, name: f.name, status: "uploading", percent: 0 }]);
        uploadFile(f, subject, (fraction) => {
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
            feedback.error(new Error(t("files.uploadFailed", { name: f.name, message })));
            onError?.(e instanceof Error ? e : new Error(message));
          },
        );
      }}
      iconRender={() => <PaperClipOutlined />}
    >
      {!disabled && (
        <Button id={id} icon={<UploadOutlined />}>
          {uploadLabel}
        </Button>
      )}
    </Upload>
  );
};

/** Saved files as download links (a node's evidence, a month's bank slips). */
export const FileLinks = ({ ids }: { ids: readonly string[] }) => {
  const files = useFiles(ids);
  if (ids.length === 0) return null;
  return (
    <Flex vertical gap={2}>
      {ids.map((fileId, i) => (
        <a key={fileId} href={fileUrl(fileId)} download>
          <PaperClipOutlined /> {files[i]?.data?.name ?? "…"}
        </a>
      ))}
    </Flex>
  );
};
