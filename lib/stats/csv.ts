/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return
 * before one) gets a leading apostrophe, so it shows as the text it is (OWASP, CSV injection):
 * a document's text may carry `=HYPERLINK(…)`. Numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV as spreadsheets and pandas read it (RFC 4180): quote fields with commas, quotes or line breaks. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

export const REVIEW_CSV_HEADER = ["card_id", "review_time", "review_rating", "review_state", "review_duration"];
export const CARD_CSV_HEADER = ["id", "document", "topic", "kind", "prompt", "answer", "state", "due", "stability", "difficulty", "reps", "lapses", "suspended"];

export const STATE_NAMES = ["new", "learning", "review", "relearning"];
