import { z } from "zod";

/** Database ids (cuid) and client-made request ids: short, plain characters only. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id.");
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "clientRequestId must be 8-64 letters, digits, - or _.");
