/** Public API of the card generator. */
export { generateDeck, DEFAULT_MAX_CARDS_PER_TOPIC } from "./generate-deck";
export { GeneratorError, MAX_DOCUMENT_BYTES, type GeneratorErrorCode } from "./errors";
export { decodeDocument } from "./check-input";
export { parseDocument, type ParsedDocument, type Section } from "./parse-document";
export { extractNumericClaims, type NumericClaim, type ClaimKind } from "./numeric-claims";
export { GAP, type CardDraft, type CardKind, type DeckDraft, type GenerateOptions, type TopicDraft } from "./types";
export { languageName, languageNotice } from "./notice";
