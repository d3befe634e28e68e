import { z } from "zod";
import { IdSchema } from "./ids";

const reschedule = z.boolean({ error: "Say whether due dates should move (reschedule: true or false)." });

/** Where new FSRS parameters come from: an optimisation's result, Anki's numbers, the defaults, or a set used before. */
export const ParametersChangeSchema = z.discriminatedUnion("from", [
  z.object({ from: z.literal("optimisation"), jobId: IdSchema, reschedule }),
  z.object({ from: z.literal("pasted"), text: z.string().trim().min(1, "Paste the 21 numbers from Anki.").max(2_000, "That is far longer than 21 numbers."), reschedule }),
  z.object({ from: z.literal("defaults"), reschedule }),
  z.object({ from: z.literal("history"), parameterSetId: IdSchema, reschedule }),
], { error: 'Say where the parameters come from: "optimisation", "pasted", "defaults" or "history".' });
export type ParametersChange = z.infer<typeof ParametersChangeSchema>;
