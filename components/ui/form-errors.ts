"use client";

/** What a form shows of a failed request: a message for the whole form and one per field. */
export interface FormErrors {
  message: string | null;
  code: string | null;
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { message: null, code: null, fields: {} };

/**
 * Reads `{ error: { code, message, fields } }`. When every problem belongs to a field on
 * this form, the messages go beside the fields and the form-wide message stays empty.
 */
export async function formErrorsOf(response: Response, fallback: string, formFields: readonly string[]): Promise<FormErrors> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null;
  const error = body?.error;
  const fields = Object.fromEntries(Object.entries(error?.fields ?? {}).filter(([name]) => formFields.includes(name)));
  const allPlaced = Object.keys(fields).length > 0 && Object.keys(error?.fields ?? {}).every((name) => name in fields);
  return { message: allPlaced ? null : (error?.message ?? fallback), code: error?.code ?? null, fields };
}
