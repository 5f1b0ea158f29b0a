// Apple property lists, XML or binary ("bplist00"), as far as Safari web archives need:
// dictionaries, arrays, strings, data, numbers, booleans. Bounded: object count, nesting
// depth and reference cycles are checked; the XML form goes through the safe tokenizer.
import { ImportError } from '../types.ts';
import { local, scanXml, XmlError, xmlBytesToString } from './xml.ts';

export type PlistValue = string | number | boolean | null | Uint8Array | PlistValue[] | { [key: string]: PlistValue };

const MAX_DEPTH = 64;
const MAX_OBJECTS = 1_000_000;

export function parsePlist(bytes: Uint8Array): PlistValue {
  if (bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString('latin1') === 'bplist00') return parseBinary(bytes);
  return parseXml(xmlBytesToString(bytes));
}

function damaged(): ImportError {
  return new ImportError('damaged web archive: its property list cannot be read');
}

function parseXml(xml: string): PlistValue {
  type Frame = { kind: 'dict'; value: { [k: string]: PlistValue }; key: string | null } | { kind: 'array'; value: PlistValue[] };
  const stack: Frame[] = [];
  let root: PlistValue = null;
  let text = '';
  const put = (v: PlistValue) => {
    const top = stack[stack.length - 1];
    if (!top) root = v;
    else if (top.kind === 'array') top.value.push(v);
    else if (top.key !== null) {
      top.value[top.key] = v;
      top.key = null;
    }
  };
  try {
    scanXml(xml, (tok) => {
      if (tok.t === 'text') {
        text += tok.text;
        return;
      }
      const name = local(tok.name);
      if (tok.t === 'open') {
        text = '';
        if (name === 'dict' || name === 'array') {
          if (stack.length >= MAX_DEPTH) throw damaged();
          const frame: Frame = name === 'dict' ? { kind: 'dict', value: {}, key: null } : { kind: 'array', value: [] };
          put(frame.value);
          stack.push(frame);
        }
        return;
      }
      switch (name) {
        case 'dict':
        case 'array':
          stack.pop();
          break;
        case 'key': {
          const top = stack[stack.length - 1];
          if (top?.kind === 'dict') top.key = text;
          break;
        }
        case 'string':
        case 'date':
          put(text);
          break;
        case 'data':
          put(new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'base64')));
          break;
        case 'integer':
        case 'real':
          put(Number(text));
          break;
        case 'true':
          put(true);
          break;
        case 'false':
          put(false);
          break;
      }
      text = '';
    });
  } catch (err) {
    if (err instanceof XmlError) throw damaged();
    throw err;
  }
  return root;
}

function parseBinary(bytes: Uint8Array): PlistValue {
  if (bytes.length < 40) throw damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const t = bytes.length - 32;
  const offsetSize = bytes[t + 6];
  const refSize = bytes[t + 7];
  const numObjects = Number(view.getBigUint64(t + 8));
  const top = Number(view.getBigUint64(t + 16));
  const tableOffset = Number(view.getBigUint64(t + 24));
  if (!offsetSize || !refSize || offsetSize > 8 || refSize > 8 || numObjects > MAX_OBJECTS || top >= numObjects) throw damaged();
  if (tableOffset + numObjects * offsetSize > t) throw damaged();
  const readUInt = (at: number, size: number): number => {
    if (at + size > bytes.length) throw damaged();
    let v = 0;
    for (let i = 0; i < size; i++) v = v * 256 + bytes[at + i];
    return v;
  };
  const offsetOf = (ref: number) => {
    if (ref >= numObjects) throw damaged();
    return readUInt(tableOffset + ref * offsetSize, offsetSize);
  };
  const active = new Set<number>();
  const read = (ref: number, depth: number): PlistValue => {
    if (depth > MAX_DEPTH || active.has(ref)) throw damaged();
    const at = offsetOf(ref);
    if (at >= t) throw damaged();
    const marker = bytes[at];
    const hi = marker >> 4;
    const lo = marker & 0x0f;
    let count = lo;
    let start = at + 1;
    if (lo === 0x0f && (hi === 0x4 || hi === 0x5 || hi === 0x6 || hi === 0xa || hi === 0xd)) {
      const intMarker = bytes[start];
      if (intMarker >> 4 !== 0x1) throw damaged();
      const size = 1 << (intMarker & 0x0f);
      count = readUInt(start + 1, size);
      start += 1 + size;
    }
    switch (hi) {
      case 0x0:
        return marker === 0x09 ? true : marker === 0x08 ? false : null;
      case 0x1:
        return readUInt(start, 1 << lo);
      case 0x2:
        return lo === 3 ? view.getFloat64(start) : view.getFloat32(start);
      case 0x3:
        return new Date((view.getFloat64(start) + 978307200) * 1000).toISOString();
      case 0x4:
        if (start + count > t) throw damaged();
        return bytes.subarray(start, start + count);
      case 0x5:
        if (start + count > t) throw damaged();
        return Buffer.from(bytes.buffer, bytes.byteOffset + start, count).toString('latin1');
      case 0x6: {
        if (start + count * 2 > t) throw damaged();
        const b = Buffer.from(bytes.subarray(start, start + count * 2));
        return b.swap16().toString('utf16le');
      }
      case 0xa:
      case 0xd: {
        if (start + count * refSize * (hi === 0xd ? 2 : 1) > t) throw damaged();
        active.add(ref);
        try {
          if (hi === 0xa) {
            const arr: PlistValue[] = [];
            for (let i = 0; i < count; i++) arr.push(read(readUInt(start + i * refSize, refSize), depth + 1));
            return arr;
          }
          const dict: { [k: string]: PlistValue } = {};
          for (let i = 0; i < count; i++) {
            const key = read(readUInt(start + i * refSize, refSize), depth + 1);
            const value = read(readUInt(start + (count + i) * refSize, refSize), depth + 1);
            if (typeof key === 'string') dict[key] = value;
          }
          return dict;
        } finally {
          active.delete(ref);
        }
      }
      default:
        return null;
    }
  };
  return read(top, 0);
}
