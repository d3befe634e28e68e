/** CSV as spreadsheets and pandas read it (RFC 4180): quote fields with commas, quotes or line breaks. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

export const REVIEW_CSV_HEADER = ["card_id", "review_time", "review_rating", "review_state", "review_duration"];
export const CARD_CSV_HEADER = ["id", "document", "topic", "kind", "prompt", "answer", "state", "due", "stability", "difficulty", "reps", "lapses", "suspended"];

export const STATE_NAMES = ["new", "learning", "review", "relearning"];
