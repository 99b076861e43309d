/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie, every
 * endpoint typed from the core schemas (see ./types.ts and ./routes.ts). A failed call throws
 * an ApiError carrying the server's `{code, message, details}`; `message` is already in the
 * user's language and is what the UI shows.
 */
import type { ApiRoutes } from './routes.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field messages keyed `body.<field>` (400 validation and policy errors). */
  get fields(): Record<string, string> {
    const raw = this.details?.fields;
    if (!raw || typeof raw !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === 'string') out[key] = value;
    }
    return out;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x` from the defined, non-empty values. */
export function toQueryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The language the server should answer in; set by the i18n module. */
let acceptLanguage = 'zh-CN';
export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

type Split<K> = K extends `${infer M} ${infer P}` ? { method: M; path: P } : never;
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type RouteKey = keyof ApiRoutes & string;
type Field<R, F extends string> = R extends Record<F, infer V> ? V : undefined;

export type RequestOptions<K extends RouteKey> = ([ParamNames<Split<K>['path']>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamNames<Split<K>['path']>, string> }) &
  (Field<ApiRoutes[K], 'body'> extends undefined ? { body?: undefined } : { body: Field<ApiRoutes[K], 'body'> }) &
  (Field<ApiRoutes[K], 'query'> extends undefined ? { query?: undefined } : { query?: Field<ApiRoutes[K], 'query'> }) & {
    signal?: AbortSignal;
  };

type OptionalArg<K extends RouteKey> = object extends RequestOptions<K> ? [options?: RequestOptions<K>] : [options: RequestOptions<K>];

export type ResponseOf<K extends RouteKey> = ApiRoutes[K]['res'];

/** Fills `:name` placeholders, URL-encoding each value. */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/** The URL for a GET endpoint (used for downloads such as the audit export). */
export function apiUrl<K extends RouteKey>(key: K, ...[options]: OptionalArg<K>): string {
  const [, path = ''] = key.split(' ');
  const opts = options as { params?: Record<string, string>; query?: QueryParams } | undefined;
  return `/api${fillPath(path, opts?.params)}${toQueryString(opts?.query)}`;
}

/** Calls one endpoint of the contract in docs/API.md, e.g. `api('GET /users', { query })`. */
export async function api<K extends RouteKey>(key: K, ...[options]: OptionalArg<K>): Promise<ResponseOf<K>> {
  const [method = 'GET'] = key.split(' ');
  const opts = options as { body?: unknown; signal?: AbortSignal } | undefined;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  let body: string | undefined;
  if (opts?.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(key, ...([options] as OptionalArg<K>)), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts?.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', networkMessage());
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const errBody = isErrorBody(data) ? data : null;
    throw new ApiError(res.status, errBody?.code ?? 'http_error', errBody?.message ?? `${res.status} ${res.statusText}`, errBody?.details);
  }
  return data as ResponseOf<K>;
}

function isErrorBody(v: unknown): v is { code: string; message: string; details?: Record<string, unknown> } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { code?: unknown }).code === 'string' &&
    typeof (v as { message?: unknown }).message === 'string'
  );
}

function networkMessage(): string {
  return acceptLanguage === 'en' ? 'Cannot reach the server; check the network and try again' : '无法连接服务器，请检查网络后重试';
}
