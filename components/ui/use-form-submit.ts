"use client";

import { useCallback, useState } from "react";
import { noErrors, type FormErrors } from "./form-errors";

const UNREACHABLE = "Keypoint could not be reached. Check your connection and try again.";

/**
 * A form's submit state: its errors (form-wide and per field) and whether a request is on its
 * way. `run` clears the errors, marks the form busy while `task` runs, and says when Keypoint
 * could not be reached at all.
 */
export function useFormSubmit() {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true);
    setErrors(noErrors);
    try {
      await task();
    } catch {
      setErrors({ ...noErrors, message: UNREACHABLE });
    } finally {
      setBusy(false);
    }
  }, []);
  return { errors, setErrors, busy, run };
}
