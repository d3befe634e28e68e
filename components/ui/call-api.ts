"use client";

export class RequestFailed extends Error {
  constructor(readonly status: number, message: string, readonly code?: string) {
    super(message);
  }
}

/** JSON request with retries for network failures and busy servers; the same body (and request id) is resent. */
export async function callApi<T>(url: string, init: RequestInit = {}, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      // A FormData body carries its own multipart Content-Type (with the boundary).
      const type: Record<string, string> = init.body instanceof FormData ? {} : { "Content-Type": "application/json" };
      response = await fetch(url, { ...init, headers: { ...type, ...init.headers } });
    } catch {
      if (attempt >= attempts) throw new RequestFailed(0, "Keypoint could not be reached. Check your connection; your answer will be sent again.");
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      continue;
    }
    if (response.ok) return (await response.json()) as T;
    if ((response.status >= 500 || response.status === 429) && attempt < attempts) {
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      continue;
    }
    const body = await response.json().catch(() => null);
    throw new RequestFailed(response.status, body?.error?.message ?? `Request failed (${response.status}).`, body?.error?.code);
  }
}
