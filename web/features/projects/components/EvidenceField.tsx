import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Flex, Upload, type UploadFile } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { uploadEvidence, useFiles } from "../api/performance.api";

interface Props {
  projectId: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}

/** Bank slips, capital verification reports: uploaded to the file store, kept as file ids. */
export const EvidenceField = ({ projectId, value = [], onChange, id }: Props) => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const files = useFiles(value);
  const [pending, setPending] = useState<UploadFile[]>([]);
  // Several files finish one after another: each adds to the ids as they stand then.
  const latest = useRef(value);
  latest.current = value;
  const done: UploadFile[] = value.map((fileId, i) => ({
    uid: fileId,
    name: files[i]?.data?.name ?? "…",
    status: "done",
    url: `/api/files/${fileId}/content`,
  }));
  return (
    <Upload
      fileList={[...done, ...pending]}
      multiple
      maxCount={20}
      onRemove={(f) => {
        onChange?.(value.filter((x) => x !== f.uid));
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setPending((p) => [...p, { uid: f.uid, name: f.name, status: "uploading", percent: 0 }]);
        uploadEvidence(f, projectId, (fraction) => {
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
            feedback.error(new Error(t("funds.uploadFailed", { name: f.name, message })));
            onError?.(e instanceof Error ? e : new Error(message));
          },
        );
      }}
      iconRender={() => <PaperClipOutlined />}
    >
      <Button id={id} icon={<UploadOutlined />}>
        {t("funds.upload")}
      </Button>
    </Upload>
  );
};

/** The evidence of a saved month as download links. */
export const EvidenceLinks = ({ ids }: { ids: string[] }) => {
  const files = useFiles(ids);
  if (ids.length === 0) return null;
  return (
    <Flex vertical gap={2}>
      {ids.map((fileId, i) => (
        <a key={fileId} href={`/api/files/${fileId}/content`} download>
          <PaperClipOutlined /> {files[i]?.data?.name ?? "…"}
        </a>
      ))}
    </Flex>
  );
};
