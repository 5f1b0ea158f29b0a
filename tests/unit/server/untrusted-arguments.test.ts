// Arguments over HTTP are whatever a page or a script sends: keys every object inherits
// (__proto__, constructor, toString) are unknown arguments like any other, nothing reaches a
// prototype, and the id in /api/original/<id> is a whole number or a 400 — never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestServer, type TestServer } from './test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
  // Nothing any test sent polluted the prototype every object shares.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

/** POSTs a body exactly as written (JSON.parse, not JSON.stringify, decides what `__proto__` is). */
async function post(method: string, body: string): Promise<{ status: number; message: string }> {
  const res = await fetch(`${t.base}/api/${method}`, { method: 'POST', headers: { ...t.auth, 'content-type': 'application/json' }, body });
  const json = (await res.json()) as { error?: { message: string } };
  return { status: res.status, message: json.error?.message ?? '' };
}

describe('argument keys are own keys', () => {
  it.each([
    ['__proto__', '{"id": 1, "__proto__": {"polluted": true, "id": 2}}'],
    ['constructor', '{"id": 1, "constructor": {"prototype": {"polluted": true}}}'],
    ['toString', '{"id": 1, "toString": "x"}'],
    ['hasOwnProperty', '{"id": 1, "hasOwnProperty": 1}'],
  ])('refuses %s as an argument with 400 "… is not a known argument"', async (key, body) => {
    expect(await post('getClip', body)).toEqual({ status: 400, message: `${key} is not a known argument` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses them inside nested arguments too, named by their path', async () => {
    expect(await post('updateClip', '{"id": 1, "patch": {"__proto__": {"starred": true}}}')).toEqual({
      status: 400, message: 'patch.__proto__ is not a known argument',
    });
    expect(await post('importUploads', '{"files": [{"name": "a.txt", "dataBase64": "", "constructor": 1}]}')).toEqual({
      status: 400, message: 'files[0].constructor is not a known argument',
    });
  });

  it('refuses them in a query string, where a repeated __proto__ would have been a list', async () => {
    for (const query of ['__proto__=x', '__proto__=x&__proto__=y', 'constructor=x', 'valueOf=1']) {
      const res = await fetch(`${t.base}/api/libraryInfo?${query}`, { headers: t.auth });
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.message).toBe(`${query.split('=')[0]} is not a known argument`);
    }
  });

  it('still answers the same call without them', async () => {
    expect((await post('listClips', '{"limit": 1}')).status).toBe(200);
  });
});

describe('/api/original/<id> takes whole numbers only', () => {
  const get = (id: string) => rawRequest(t.server.port, { path: `/api/original/${id}?token=${encodeURIComponent(t.server.token)}` });

  it.each(['1.5', '1e3', 'abc', '', '0x10', '%31', '1%2F2'])('answers 400 with a sentence to %j', async (id) => {
    const answer = await get(id);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toBe('The clip id must be a whole number');
  });

  it.each(['-1', '0'])('answers 400 with a sentence to %j, below the first id', async (id) => {
    const answer = await get(id);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toBe('The clip id must be between 1 and 9007199254740991');
  });

  it('answers 400 to ids past the largest exact integer, 404 to a whole number with no clip', async () => {
    for (const id of ['99999999999999999999', '9007199254740993', '1'.repeat(400)]) {
      const answer = await get(id);
      expect(answer.status, id).toBe(400);
      expect(JSON.parse(answer.body).error.message).toMatch(/^The clip id must be (a whole number|between 1 and 9007199254740991)$/);
    }
    for (const id of ['42', '9007199254740991']) {
      const answer = await get(id);
      expect(answer.status, id).toBe(404);
      expect(JSON.parse(answer.body).error.message).toBe(`There is no clip ${id} in this library.`);
    }
  });
});
