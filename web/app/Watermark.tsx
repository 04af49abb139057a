import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";

const escapeXml = (s: string): string =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c,
  );

/**
 * A faint diagonal watermark with the user's name and the current time over
 * every page (and over dialogs), so a photo or screenshot of the screen can be
 * traced. It never takes a click.
 */
export const Watermark = ({ name }: { name: string }) => {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(dayjs()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const text = `${name} ${now.format("YYYY-MM-DD HH:mm")}`;
  const background = useMemo(() => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200">` +
      `<text x="160" y="100" text-anchor="middle" dominant-baseline="middle" ` +
      `transform="rotate(-22 160 100)" fill="#000" fill-opacity="0.07" ` +
      `font-size="15" font-family="'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif">` +
      `${escapeXml(text)}</text></svg>`;
    return `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
  }, [text]);
  return (
    <div
      aria-hidden
      data-testid="watermark"
      data-text={text}
      style={{
        position: "fixed",
        inset: 0,
        zIndex: 9999,
        pointerEvents: "none",
        backgroundImage: background,
        backgroundRepeat: "repeat",
      }}
    />
  );
};
