/** An error a user can read, with the HTTP status that goes with it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const unauthorized = () => new ApiError(401, "UNAUTHENTICATED", "Sign in to continue.");
export const notFound = (what: string) => new ApiError(404, "NOT_FOUND", `${what} not found.`);
export const badRequest = (message: string, code = "BAD_REQUEST") => new ApiError(400, code, message);
export const conflict = (message: string, code = "CONFLICT") => new ApiError(409, code, message);
