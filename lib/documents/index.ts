/** Public API of the document readers: any accepted file → canonical Markdown. */
export { readDocument, titleFromFileName, DOCUMENT_LIMITS, type DocumentLimits, type ReadDocumentResult, type ReadOptions } from "./read-document";
export { ACCEPTED_EXTENSIONS, type DocumentFormat } from "./detect-format";
export { DocumentError, type DocumentErrorCode } from "./errors";
