import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL("./web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

const antd = /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs)[\\/]/;

/**
 * Vendor chunks: React and friends, antd, ECharts. antd is split in two:
 * what the first screen needs, and the heavier parts (tables, date pickers,
 * trees) that load with the first page using them.
 */
const vendorGroups: { name: string; test: RegExp; priority: number; tags?: "$initial"[] }[] = [
  // tslib is ECharts' helper library: left out, it lands in whichever app chunk first imports
  // ECharts, and the two chunks import each other (a cycle that breaks at run time).
  { name: "vendor-echarts", test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 40 },
  {
    name: "vendor-react",
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
    priority: 30,
  },
  { name: "vendor-antd", test: antd, priority: 20, tags: ["$initial"] },
  { name: "vendor-antd-pages", test: antd, priority: 10 },
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Rolldown's successor of Rollup's manualChunks: one chunk per vendor group.
        codeSplitting: { includeDependenciesRecursively: false, groups: vendorGroups },
      },
    },
  },
});
