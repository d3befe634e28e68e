/** pdf.js's worker code, loaded in-thread (pdf-text.ts); the package ships no types for it. */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
