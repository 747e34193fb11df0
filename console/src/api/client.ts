import { session } from '../auth/session';

/** A refusal of the API, as its error body says it: the stable code and the message, with the HTTP status. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

interface ErrorBody {
  readonly code?: string;
  readonly message?: string;
}

async function send(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = session.token();
  if (token !== null) {
    // The token goes in the Authorization header only: never in a URL, so never in a log or a Referer.
    headers['Authorization'] = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (idempotencyKey !== undefined) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body), credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'the node did not answer; check that it runs and try again');
  }
  if (response.status === 401) {
    session.expired();
  }
  if (!response.ok && response.status !== 202) {
    let error: ErrorBody = {};
    try {
      error = (await response.json()) as ErrorBody;
    } catch {
      // Not the API's JSON error (a proxy's page): the status says enough.
    }
    throw new ApiError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? response.statusText);
  }
  return response;
}

/** The API, called with the signed-in caller's token. */
export const api = {
  async get<T>(path: string): Promise<T> {
    return (await (await send('GET', path)).json()) as T;
  },
  async bytes(path: string): Promise<Uint8Array> {
    return new Uint8Array(await (await send('GET', path)).arrayBuffer());
  },
  async blob(path: string): Promise<Blob> {
    return (await send('GET', path)).blob();
  },
  /** A write: a new Idempotency-Key unless the caller retries one (a retry answers what the first call answered). */
  async write<T>(method: 'POST' | 'PUT', path: string, body: unknown, idempotencyKey: string = crypto.randomUUID()): Promise<T> {
    return (await (await send(method, path, body, idempotencyKey)).json()) as T;
  },
};

/** A path with its query, leaving out parameters that are absent. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

export const enc = encodeURIComponent;
