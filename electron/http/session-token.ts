// The session token of browser mode: where a request may carry it, and how it is compared.
// Api calls carry it in the Authorization header only: an address with the token in it ends up
// in history, logs and Referer headers, and every call the window makes is a fetch that can set
// a header. The address is accepted only where a browser cannot add one: an EventSource, and
// a download link (a clip's original, the export, a press review).
import crypto from 'node:crypto';
import type http from 'node:http';

/** GET routes under /api/ that may take the token as ?token=…; every other route needs the header. */
export function takesQueryToken(method: string | undefined, route: string): boolean {
  if (method !== 'GET') return false;
  return route === 'events' || route === 'export' || route.startsWith('original/') || route.startsWith('review/');
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export type TokenCheck = 'ok' | 'missing-or-wrong' | 'query-not-accepted';

/**
 * Checks the token a request carries. A header, when there is one, is the only one looked at
 * (a right query token does not rescue a wrong header). 'query-not-accepted' is a right token in
 * the address of a route that needs the header, so that the refusal can say so.
 */
export function checkToken(req: http.IncomingMessage, url: URL, token: string, queryAllowed: boolean): TokenCheck {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m && tokensEqual(m[1], token) ? 'ok' : 'missing-or-wrong';
  }
  const given = url.searchParams.get('token');
  if (!given || !tokensEqual(given, token)) return 'missing-or-wrong';
  return queryAllowed ? 'ok' : 'query-not-accepted';
}
