/**
 * Text as the databases can store it. JSON may carry a lone surrogate (`"\ud800"`), half of a
 * UTF-16 pair with no other half: no UTF-8 text holds one, so SQLite and PostgreSQL refuse it.
 * Each becomes U+FFFD, the replacement character, as a UTF-8 decoder would make of it.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\ufffd");
}

/** A JSON.parse reviver: every string value in a request body made well-formed. */
export function wellFormedStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? wellFormed(value) : value;
}
