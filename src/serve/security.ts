/**
 * What keeps the review app harmless: GET only; on loopback, requests must name a loopback host
 * (a DNS-rebinding page cannot reach it); elsewhere, a token is required (Bearer header,
 * `?token=`, or the cookie set after a `?token=` visit); strict headers and a CSP that allows
 * nothing from other origins.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';

export const TOKEN_COOKIE = 'jixiao_token';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/u.test(host);
}

/** Constant-time comparison through fixed-length digests, so the token's length does not leak either. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** GET and HEAD only: the app never changes anything. */
export function requireReadOnly(message: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.json({ error: 'method_not_allowed', message }, 405, { Allow: 'GET, HEAD' });
    }
    await next();
  };
}

export interface AccessOptions {
  /** When set, every request must present it. */
  token?: string | undefined;
  message: string;
}

/**
 * Without a token the server only listens on loopback, and the Host header must say so too.
 * With a token: a Bearer header, `?token=` (which sets an HttpOnly cookie so links and assets work)
 * or that cookie.
 */
export function requireAccess(options: AccessOptions): MiddlewareHandler {
  return async (c, next) => {
    const token = options.token;
    if (!token) {
      const host = new URL(c.req.url).hostname;
      if (!isLoopbackHost(host)) return c.json({ error: 'forbidden_host', message: `host ${host} is not served` }, 403);
      await next();
      return;
    }
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(.+)$/iu)?.[1]?.trim();
    const query = c.req.query('token');
    const cookie = getCookie(c, TOKEN_COOKIE);
    const presented = [bearer, query, cookie].filter((v): v is string => typeof v === 'string' && v !== '');
    if (!presented.some((v) => sameToken(v, token))) {
      return c.json({ error: 'unauthorized', message: options.message }, 401, { 'WWW-Authenticate': 'Bearer realm="jixiao"' });
    }
    if (query && sameToken(query, token) && cookie !== token) {
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    }
    await next();
  };
}

const STRICT_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Bull Board's page relies on inline scripts and styles; other origins stay blocked (its web font link included). */
const QUEUES_CSP = {
  ...STRICT_CSP,
  scriptSrc: ["'self'", "'unsafe-inline'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

export function setSecurityHeaders(): MiddlewareHandler {
  const strict = secureHeaders({ contentSecurityPolicy: STRICT_CSP, referrerPolicy: 'no-referrer', crossOriginEmbedderPolicy: false });
  const queues = secureHeaders({ contentSecurityPolicy: QUEUES_CSP, referrerPolicy: 'no-referrer', crossOriginEmbedderPolicy: false });
  return async (c, next) => {
    const path = c.req.path;
    return path === '/queues' || path.startsWith('/queues/') ? queues(c, next) : strict(c, next);
  };
}
