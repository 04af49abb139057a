import { SaveOutlined, SettingOutlined } from "@ant-design/icons";
import { Button, Select, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { SavedView, ViewState } from "../../common/views.schema";
import { useFeedback } from "../lib/feedback";
import type { ListState } from "../lib/list-state";
import { useCreateView, useSavedViews, useUpdateView } from "../lib/views.api";
import { ManageViewsModal, ViewNameModal } from "./SavedViewDialogs";

/** Besides a list's own filters, a view keeps its search text, sort and page size (not the page). */
const listKeys = ["q", "sort", "order", "pageSize"] as const;

interface Props {
  /** which list the views belong to, e.g. "projects" */
  listKey: string;
  list: Pick<ListState<string>, "update">;
  /** the filters the list keeps in the URL */
  filterKeys: readonly string[];
}

const sameState = (a: ViewState, b: ViewState) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

/** A view's state: the list's keys that the given parameters set. */
const stateOf = (keys: readonly string[], from: URLSearchParams) => {
  const state: ViewState = {};
  for (const k of keys) {
    const v = from.get(k);
    if (v) state[k] = v;
  }
  return state;
};

type Dialog = { kind: "save" } | { kind: "rename"; view: SavedView } | { kind: "manage" } | null;

/**
 * 已保存的视图 of a list page: pick one to apply its filters and sort, save the current ones
 * under a name (for oneself or the unit), and manage one's own. The list's state lives in the
 * URL (useListState), so a view is that URL's parameters.
 */
export const SavedViews = ({ listKey, list, filterKeys }: Props) => {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [params] = useSearchParams();
  const { data: views = [], isLoading } = useSavedViews(listKey);
  const create = useCreateView(listKey);
  const update = useUpdateView(listKey);
  const [dialog, setDialog] = useState<Dialog>(null);

  const keys = useMemo(() => [...filterKeys, ...listKeys], [filterKeys]);
  const current = useMemo(() => stateOf(keys, params), [keys, params]);
  const mine = views.filter((v) => v.mine);
  const shared = views.filter((v) => !v.mine);
  // The view whose state the list shows now, if any: the dropdown names it.
  const active = views.find((v) => sameState(v.state, current));

  const apply = (view: SavedView) => {
    const changes: Record<string, string | undefined> = {};
    for (const k of keys) changes[k] = view.state[k];
    list.update(changes);
    feedback.success(t("views.applied", { name: view.name }));
  };

  const option = (v: SavedView) => ({
    value: v.id,
    label: v.name,
    title: v.name,
    hint: v.mine ? null : t("views.sharedBy", { name: v.ownerName }),
  });
  const options = [
    ...(mine.length ? [{ label: t("views.mine"), title: t("views.mine"), options: mine.map(option) }] : []),
    ...(shared.length
      ? [{ label: t("views.shared"), title: t("views.shared"), options: shared.map(option) }]
      : []),
  ];

  return (
    <Space.Compact>
      <Select<string>
        value={active?.id}
        onChange={(id) => {
          const v = views.find((x) => x.id === id);
          if (v) apply(v);
        }}
        loading={isLoading}
        placeholder={t("views.placeholder")}
        aria-label={t("views.label")}
        showSearch={{ optionFilterProp: "label" }}
        options={options}
        optionRender={(o) => (
          <Space size={6}>
            {o.label}
            {o.data.hint && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.data.hint}
              </Typography.Text>
            )}
          </Space>
        )}
        notFoundContent={t("views.empty")}
        popupMatchSelectWidth={false}
        style={{ width: 180 }}
      />
      <Button icon={<SaveOutlined />} onClick={() => setDialog({ kind: "save" })}>
        {t("views.save")}
      </Button>
      <Button
        icon={<SettingOutlined />}
        title={t("views.manage")}
        aria-label={t("views.manage")}
        onClick={() => setDialog({ kind: "manage" })}
      />
      {dialog?.kind === "save" && (
        <ViewNameModal
          view={null}
          saving={create.isPending}
          onSubmit={(v) =>
            create
              // From the address bar, not this render's params: the router commits a navigation in
              // a transition, so a click right after a search could still see the list before it.
              .mutateAsync({ ...v, state: stateOf(keys, new URLSearchParams(window.location.search)) })
              .then((saved) => feedback.success(t("views.saved", { name: saved.name })))
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "rename" && (
        <ViewNameModal
          view={dialog.view}
          saving={update.isPending}
          onSubmit={({ name }) =>
            update
              .mutateAsync({ id: dialog.view.id, body: { name, version: dialog.view.version } })
              .then((saved) => feedback.success(t("views.renamed", { name: saved.name })))
          }
          onClose={() => setDialog({ kind: "manage" })}
        />
      )}
      {dialog?.kind === "manage" && (
        <ManageViewsModal
          listKey={listKey}
          views={mine}
          current={current}
          onRename={(view) => setDialog({ kind: "rename", view })}
          onClose={() => setDialog(null)}
        />
      )}
    </Space.Compact>
  );
};
