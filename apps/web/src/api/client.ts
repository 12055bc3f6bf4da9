import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorBody'];

/** An API error with its code and the message the API wrote in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field a VALIDATION_FAILED (or a field-specific domain error) points at, if any. */
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

const TOKENS_KEY = 'tourong.tokens';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  organizationId: string;
}

export const tokenStore = {
  get(): StoredTokens | null {
    try {
      const raw = localStorage.getItem(TOKENS_KEY);
      return raw ? (JSON.parse(raw) as StoredTokens) : null;
    } catch {
      return null;
    }
  },
  set(tokens: StoredTokens | null): void {
    if (tokens) localStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    else localStorage.removeItem(TOKENS_KEY);
    listeners.forEach((l) => l(tokens));
  },
};
const listeners = new Set<(t: StoredTokens | null) => void>();
export function onTokensChange(listener: (t: StoredTokens | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The UI language, sent as Accept-Language so coded errors come back in it. */
let language = 'zh-CN';
export function setApiLanguage(lang: string): void {
  language = lang;
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: the refresh token is single use, so parallel 401s share the same attempt. */
function refreshOnce(): Promise<boolean> {
  refreshing ??= (async () => {
    const current = tokenStore.get();
    if (!current) return false;
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
      if (!res.ok) {
        tokenStore.set(null);
        return false;
      }
      const body = (await res.json()) as Schemas['AuthResultDto'];
      tokenStore.set({
        accessToken: body.tokens.accessToken,
        refreshToken: body.tokens.refreshToken,
        organizationId: body.organizationId,
      });
      return true;
    } catch {
      return false;
    } finally {
      setTimeout(() => (refreshing = null), 0);
    }
  })();
  return refreshing;
}

async function authedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const send = (req: Request) => {
    const tokens = tokenStore.get();
    req.headers.set('accept-language', language);
    if (tokens && !req.headers.has('authorization')) req.headers.set('authorization', `Bearer ${tokens.accessToken}`);
    return fetch(req);
  };
  const res = await send(input);
  const isAuthRoute = new URL(input.url, location.origin).pathname.startsWith('/api/v1/auth/');
  if (res.status === 401 && !isAuthRoute && tokenStore.get() && (await refreshOnce())) return send(retry);
  return res;
}

export const api = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  fetch: authedFetch,
});

/** openapi-fetch's `{ data, error }` → the data, or a thrown ApiError with the API's coded message. */
export async function call<T>(
  promise: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await promise;
  } catch (err) {
    throw new ApiError(0, 'NETWORK_ERROR', err instanceof Error ? err.message : String(err));
  }
  const { data, error, response } = result;
  if (error !== undefined || !response.ok) {
    const body = (error ?? {}) as Partial<ErrorBody>;
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? response.statusText,
      (body.details as Record<string, unknown>) ?? {},
      body.requestId,
    );
  }
  return data as T;
}
