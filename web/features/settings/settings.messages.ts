import type { Messages } from "../../lib/i18n";

export const settingsMessages: Messages = {
  "zh-CN": {
    title: "系统设置",
    sub: "对全体用户生效的设置，每次修改都记入操作日志。",
    watermark: "页面水印",
    watermarkDesc: "在每个页面上叠加浅色斜向水印，内容为当前用户姓名与时间，便于追溯截屏、拍照外传。",
    on: "已开启",
    off: "已关闭",
    saved: "设置已保存",
  },
  en: {
    title: "Settings",
    sub: "Settings for every user; each change is recorded in the audit log.",
    watermark: "Page watermark",
    watermarkDesc:
      "Overlays a faint diagonal watermark with the user's name and the time on every page, so leaked screenshots can be traced.",
    on: "On",
    off: "Off",
    saved: "Settings saved",
  },
};
