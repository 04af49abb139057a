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
    mapBase: "地图底图",
    mapBaseDesc:
      "空间资源地图的底图：MapLibre 样式地址，或含 {z}/{x}/{y} 的瓦片地址（天地图、OSM、内网瓦片服务）。留空则在纯色背景上绘制，适合离线内网。外部地址需同时在反向代理或内容安全策略中放行。",
    save: "保存",
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
    mapBase: "Base map",
    mapBaseDesc:
      "The sites map's base layer: a MapLibre style URL or a tile template with {z}/{x}/{y}. Blank draws on a plain background (offline).",
    save: "Save",
  },
};
