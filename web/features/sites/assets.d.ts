// Vite's `?url` imports (the project does not load vite/client's types): the asset's public URL.
declare module "*?url" {
  const url: string;
  export default url;
}
