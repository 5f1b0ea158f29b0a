// What a push must look like before the hub touches the database. Every change is checked, and
// the first bad one is named (its place in the batch, its kind, key and field) in a sentence
// the person reading the desktop's "needs attention" can act on.
import { isHlc } from '../sync/hlc.ts';
import { OBJECT_KINDS, type Change, type ObjectKind, type PushRequest } from '../sync/protocol.ts';

export const MAX_KEY_LENGTH = 512;
export const MAX_FIELD_LENGTH = 256;
/** The largest value of one field, as JSON text (a clip's record, its body included). */
export const MAX_VALUE_BYTES = 8 * 1024 * 1024;
export const MAX_CHANGES_PER_PUSH = 10_000;
const MAX_LIBRARY_LENGTH = 200;

export class BadPush extends Error {}

function describe(c: Partial<Change>, i: number): string {
  const part = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v) : String(v));
  return `change ${i + 1} (kind ${part(c.kind)}, key ${part(c.key)}, field ${part(c.field)})`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns the request as the protocol types it, or throws BadPush naming what is wrong. */
export function validatePush(body: unknown): PushRequest {
  if (!isObject(body)) throw new BadPush('a push must be a JSON object with "library" and "changes"');
  const { library, changes } = body;
  if (typeof library !== 'string' || !library || library.length > MAX_LIBRARY_LENGTH) {
    throw new BadPush(`a push must say which library sent it ("library": a string of 1 to ${MAX_LIBRARY_LENGTH} characters)`);
  }
  if (!Array.isArray(changes)) throw new BadPush('a push must carry "changes", a list');
  if (changes.length > MAX_CHANGES_PER_PUSH) {
    throw new BadPush(`a push may carry at most ${MAX_CHANGES_PER_PUSH} changes; this one had ${changes.length}: send them in smaller batches`);
  }
  const out: Change[] = [];
  changes.forEach((c: unknown, i) => out.push(validateChange(c, i)));
  return { library, changes: out };
}

function validateChange(c: unknown, i: number): Change {
  if (!isObject(c)) throw new BadPush(`change ${i + 1} is not an object`);
  const where = describe(c as Partial<Change>, i);
  if (typeof c.kind !== 'string' || !OBJECT_KINDS.includes(c.kind as ObjectKind)) {
    throw new BadPush(`${where}: the kind must be one of ${OBJECT_KINDS.join(', ')}`);
  }
  if (typeof c.key !== 'string' || !c.key || c.key.length > MAX_KEY_LENGTH) {
    throw new BadPush(`${where}: the key must be a string of 1 to ${MAX_KEY_LENGTH} characters`);
  }
  if (typeof c.field !== 'string' || !c.field || c.field.length > MAX_FIELD_LENGTH) {
    throw new BadPush(`${where}: the field must be a string of 1 to ${MAX_FIELD_LENGTH} characters`);
  }
  // PostgreSQL's text and jsonb cannot hold the NUL character.
  if (c.key.includes('\u0000') || c.field.includes('\u0000')) throw new BadPush(`${where}: its key or field contains a NUL character`);
  if (!isHlc(c.hlc)) throw new BadPush(`${where}: the clock "hlc" is not a hybrid logical clock (000000000000000-00000-node)`);
  if (!('value' in c) || c.value === undefined) throw new BadPush(`${where}: it has no "value" (null clears a field)`);
  const text = JSON.stringify(c.value);
  if (text.includes('\\u0000')) throw new BadPush(`${where}: its value contains a NUL character, which the hub cannot store`);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_VALUE_BYTES) {
    throw new BadPush(`${where}: its value is ${size} bytes of JSON, more than the ${MAX_VALUE_BYTES} one field may hold`);
  }
  if (c.private !== undefined && typeof c.private !== 'boolean') throw new BadPush(`${where}: "private" must be true or false`);
  if (c.private && c.kind === 'clip' && c.field === 'deleted') throw new BadPush(`${where}: a clip's deletion is shared, never private`);
  return { kind: c.kind as ObjectKind, key: c.key, field: c.field, value: c.value as Change['value'], hlc: c.hlc, ...(c.private ? { private: true } : {}) };
}
