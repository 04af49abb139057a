import { Form, Input, InputNumber, Modal, Select, Slider } from "antd";
import { useTranslation } from "react-i18next";
import {
  type ProspectRow,
  prospectPriorities,
  prospectPriorityLabels,
  prospectSignalLabels,
  prospectSignals,
  prospectSourceLabels,
  prospectSources,
  type RankWeights,
  rankWeightLabels,
} from "../../../../common/chain.prospect";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useLinkOptions } from "../api/chains.api";
import {
  useAssignProspect,
  useConvertProspect,
  useCreateProspect,
  useSaveWeights,
  useUpdateProspect,
  useWeights,
} from "../api/prospects.api";
import { TeamField } from "./TeamField";

/** Links grouped by chain, for a multiple choice. */
export const useLinkChoices = (regionId?: string) => {
  const options = useLinkOptions(regionId);
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const l of options.data ?? []) {
    const g = groups.get(l.chainId) ?? { label: l.chainName, options: [] };
    g.options.push({ value: l.id, label: `${l.chainName} · ${l.name}` });
    groups.set(l.chainId, g);
  }
  return { options: [...groups.values()], loading: options.isLoading };
};

/** 新增招引目标. */
export const ProspectCreateModal = ({
  open,
  onClose,
  record,
}: {
  open: boolean;
  onClose: () => void;
  /** editing this prospect; a new one when absent */
  record?: ProspectRow | null;
}) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const me = useCurrentUser();
  const { RegionPicker } = useExtensions();
  const create = useCreateProspect();
  const update = useUpdateProspect();
  const links = useLinkChoices();
  const [form] = Form.useForm();
  const saving = create.isPending || update.isPending;
  const done = () => {
    feedback.success(record ? t("settings.saved") : t("prospects.created"));
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={record ? record.name : t("prospects.create")}
      onCancel={onClose}
      width={720}
      okButtonProps={{ loading: saving }}
      onOk={() =>
        void form.validateFields().then((raw) => {
          // a cleared code is no code, not an empty one the server's pattern refuses
          const v = { ...raw, industryCode: raw.industryCode || null };
          if (record)
            update.mutate({ id: record.id, body: { ...v, version: record.version } }, { onSuccess: done });
          else create.mutate(v, { onSuccess: done });
        })
      }
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          record
            ? {
                name: record.name,
                regionId: record.regionId,
                sources: record.sources,
                linkIds: record.linkIds,
                country: record.country,
                headquarters: record.headquarters,
                industry: record.industry,
                industryCode: record.industryCode,
                signals: record.signals,
                priority: record.priority,
                moves: record.moves,
              }
            : { regionId: me.regionId, priority: "medium", sources: [] }
        }
      >
        <Form.Item name="name" label={t("prospects.name")} rules={[{ required: true, min: 2, max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="regionId" label={t("prospects.region")} rules={[{ required: true }]}>
          <RegionPicker />
        </Form.Item>
        <Form.Item
          name="sources"
          label={t("prospects.sources")}
          rules={[{ required: true, type: "array", min: 1 }]}
        >
          <Select
            mode="multiple"
            options={prospectSources.map((s) => ({ value: s, label: prospectSourceLabels[s] }))}
          />
        </Form.Item>
        <Form.Item name="linkIds" label={t("prospects.links")}>
          <Select mode="multiple" options={links.options} loading={links.loading} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="country" label={t("prospects.country")}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="headquarters" label={t("prospects.headquarters")}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="industry" label={t("prospects.industry")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="industryCode" label={t("prospects.industryCode")}>
          <Input maxLength={5} placeholder="C39" />
        </Form.Item>
        <Form.Item name="signals" label={t("prospects.signals")}>
          <Select
            mode="multiple"
            options={prospectSignals.map((s) => ({ value: s, label: prospectSignalLabels[s] }))}
          />
        </Form.Item>
        <Form.Item name="priority" label={t("prospects.priority")}>
          <Select options={prospectPriorities.map((p) => ({ value: p, label: prospectPriorityLabels[p] }))} />
        </Form.Item>
        <Form.Item name="moves" label={t("prospects.moves")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={record ? update.error : create.error} />
    </Modal>
  );
};

/** 分配: the team that takes the prospect up. */
export const AssignModal = ({ prospect, onClose }: { prospect: ProspectRow | null; onClose: () => void }) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const assign = useAssignProspect();
  const [form] = Form.useForm<{ teamId: string }>();
  return (
    <Modal
      open={Boolean(prospect)}
      title={t("prospects.assign")}
      onCancel={onClose}
      okButtonProps={{ loading: assign.isPending }}
      onOk={() =>
        void form.validateFields().then((v) =>
          assign.mutate(
            { id: prospect!.id, teamId: v.teamId, version: prospect!.version },
            {
              onSuccess: (p) => {
                feedback.success(t("prospects.assigned", { team: p.teamName }));
                onClose();
              },
            },
          ),
        )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ teamId: prospect?.teamId }}>
        <Form.Item name="teamId" label={t("prospects.team")} rules={[{ required: true }]}>
          <TeamField storedName={prospect?.teamName} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={assign.error} />
    </Modal>
  );
};

/** 转为线索: a project registered in stage 线索, keeping the prospect's chain links. */
export const ConvertModal = ({
  prospect,
  onClose,
}: {
  prospect: ProspectRow | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const { ParkPicker } = useExtensions();
  const convert = useConvertProspect();
  const [form] = Form.useForm<{
    teamId: string;
    parkId?: string | null;
    projectName?: string;
    totalInvestmentYi?: number | null;
    duplicateReason?: string;
  }>();
  return (
    <Modal
      open={Boolean(prospect)}
      title={prospect ? t("prospects.convertTitle", { name: prospect.name }) : ""}
      onCancel={onClose}
      okText={t("prospects.convert")}
      okButtonProps={{ loading: convert.isPending }}
      onOk={() =>
        void form.validateFields().then(({ totalInvestmentYi, duplicateReason, ...v }) =>
          convert.mutate(
            {
              id: prospect!.id,
              body: {
                ...v,
                duplicateReason: duplicateReason || undefined,
                totalInvestmentFen: totalInvestmentYi ? Math.round(totalInvestmentYi * 10_000_000_000) : null,
                version: prospect!.version,
              },
            },
            {
              onSuccess: (r) => {
                feedback.success(t("prospects.converted", { code: r.project.code }));
                onClose();
              },
            },
          ),
        )
      }
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ teamId: prospect?.teamId, projectName: prospect ? `${prospect.name}投资项目` : "" }}
      >
        <Form.Item name="projectName" label={t("prospects.projectName")} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="teamId" label={t("prospects.team")} rules={[{ required: true }]}>
          <TeamField storedName={prospect?.teamName} />
        </Form.Item>
        <Form.Item name="parkId" label={t("prospects.park")}>
          <ParkPicker allowClear regionId={prospect?.regionId} />
        </Form.Item>
        <Form.Item name="totalInvestmentYi" label="总投资（亿元）">
          <InputNumber min={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="duplicateReason" label={t("prospects.duplicateReason")}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={convert.error} />
    </Modal>
  );
};

/** 排名权重: five sliders; all at zero is refused by the server with its message. */
export const WeightsModal = ({
  open,
  onClose,
  regionId,
}: {
  open: boolean;
  onClose: () => void;
  regionId?: string;
}) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const me = useCurrentUser();
  const region = regionId ?? me.regionId ?? undefined;
  const current = useWeights(region);
  const save = useSaveWeights();
  const [form] = Form.useForm<RankWeights>();
  const keys = Object.keys(rankWeightLabels) as (keyof RankWeights)[];
  return (
    <Modal
      open={open}
      title={t("prospects.weights")}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending, disabled: !region }}
      onOk={() =>
        void form.validateFields().then((weights) =>
          save.mutate(
            { regionId: region!, weights, version: current.data?.version || undefined },
            {
              onSuccess: () => {
                feedback.success(t("prospects.weightsSaved"));
                onClose();
              },
            },
          ),
        )
      }
      destroyOnHidden
    >
      {current.data && (
        <Form form={form} layout="vertical" initialValues={current.data.weights}>
          {keys.map((k) => (
            <Form.Item key={k} name={k} label={rankWeightLabels[k]}>
              <Slider min={0} max={100} />
            </Form.Item>
          ))}
        </Form>
      )}
      <ApiErrorAlert error={save.error} />
    </Modal>
  );
};
