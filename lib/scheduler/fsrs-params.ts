/**
 * FSRS parameters as Anki shows them in its deck options: the 21 FSRS-6 weights written as
 * numbers separated by commas ("0.212, 1.2931, 2.3065, …"). Pasting accepts Anki's older
 * sets too (17 for FSRS-4.5, 19 for FSRS-5), converted by ts-fsrs to FSRS-6.
 */
import { checkParameters, default_w, migrateParameters } from "ts-fsrs";
import { SchedulerError } from "./errors";

export const PARAMETER_COUNT = 21;

/** The FSRS-6 defaults (what every user starts with). */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/** Anki's spelling: four decimals at most, ", " between. */
export function formatParameters(params: readonly number[]): string {
  return params.map((w) => String(Math.round(w * 10_000) / 10_000)).join(", ");
}

/** The numbers in pasted text (commas, spaces or line breaks between them, brackets allowed). */
export function parseParameters(text: string): number[] {
  const fields = text.replace(/[[\]]/g, " ").split(/[\s,]+/).filter((field) => field !== "");
  const numbers = fields.map(Number);
  const bad = fields.find((field, i) => !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(field) || !Number.isFinite(numbers[i]));
  if (bad !== undefined) throw new SchedulerError("INVALID_SETTINGS", `"${bad}" is not a number. Paste the ${PARAMETER_COUNT} numbers from Anki, separated by commas.`);
  if (![17, 19, PARAMETER_COUNT].includes(numbers.length)) {
    throw new SchedulerError("INVALID_SETTINGS", `FSRS-6 has ${PARAMETER_COUNT} parameters; these are ${numbers.length} numbers.`);
  }
  // An older set is filled up to 21 (FSRS-5's defaults for the new weights) and put in range.
  return validParameters(numbers.length === PARAMETER_COUNT ? numbers : migrateParameters(migrateParameters(numbers)));
}

/** The parameters if ts-fsrs accepts them (finite, in its ranges); else a readable error. */
export function validParameters(params: readonly number[]): number[] {
  if (params.length !== PARAMETER_COUNT) {
    throw new SchedulerError("INVALID_SETTINGS", `FSRS-6 has ${PARAMETER_COUNT} parameters, got ${params.length}.`);
  }
  try {
    checkParameters(params);
  } catch (error) {
    throw new SchedulerError("INVALID_SETTINGS", `The FSRS parameters are invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
  const clamped = migrateParameters(params);
  const off = params.findIndex((w, i) => Math.abs(w - clamped[i]) > 1e-9);
  if (off >= 0) {
    throw new SchedulerError("INVALID_SETTINGS", `Parameter ${off + 1} (${params[off]}) is outside the range FSRS-6 allows (it would be ${roundTo4(clamped[off])}).`);
  }
  return [...params];
}

function roundTo4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Whether two parameter sets are the same numbers (null meaning the defaults). */
export function sameParameters(a: readonly number[] | null, b: readonly number[] | null): boolean {
  const x = a ?? DEFAULT_PARAMETERS;
  const y = b ?? DEFAULT_PARAMETERS;
  return x.length === y.length && x.every((w, i) => Math.abs(w - y[i]) < 1e-9);
}
