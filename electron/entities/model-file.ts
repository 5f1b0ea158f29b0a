// The model as one file: gzip over a small JSON header (hash size, transitions, lexicon) and
// the non-zero weight rows, quantised to one signed byte per label. Most hashed rows are empty,
// so storing rows by (delta-coded) index keeps the file to a few megabytes.
import { gunzipSync, gzipSync } from 'node:zlib';
import { LABEL_COUNT } from './labels.ts';
import { SortedWordClasses, type Lexicon } from './lexicon.ts';
import type { Model } from './model.ts';

const MAGIC = 'CUTTINGS-NER-1\n';

interface Header {
  hashBits: number;
  labelCount: number;
  scale: number;
  rows: number;
  transitions: number[];
  words: [string[], number[]];
  names: [string[], number[]];
  longestName: number;
  capitalised: [string[], number[]];
  clusters: [string[], number[]];
  external: [string[], number[]];
  longestExternal: number;
  embeddings?: { words: string; classes: string };
  notice: string;
}

const pack = (m: Map<string, number>): [string[], number[]] => [[...m.keys()], [...m.values()]];
const unpack = ([keys, values]: [string[], number[]]): Map<string, number> => new Map(keys.map((k, i) => [k, values[i]]));

export function encodeModel(model: Model, notice: string): Buffer {
  const { hashBits } = model;
  const weights = model.weights;
  const buckets = 1 << hashBits;
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i] * model.scale));
  const scale = maxAbs / 127 || 1;
  const rowIndex: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < buckets; r++) {
    const q: number[] = [];
    let any = false;
    for (let y = 0; y < LABEL_COUNT; y++) {
      const v = Math.round((weights[r * LABEL_COUNT + y] * model.scale) / scale);
      q.push(v);
      if (v !== 0) any = true;
    }
    if (!any) continue;
    rowIndex.push(r);
    values.push(...q);
  }
  // Row indices as unsigned LEB128 deltas.
  const varints: number[] = [];
  let prev = 0;
  for (const r of rowIndex) {
    let d = r - prev;
    prev = r;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    varints.push(d);
  }
  const lex = model.lexicon;
  const header: Header = {
    hashBits, labelCount: LABEL_COUNT, scale, rows: rowIndex.length, transitions: [...model.transitions],
    words: pack(lex.words), names: pack(lex.names), longestName: lex.longestName,
    capitalised: pack(lex.capitalised), clusters: pack(lex.clusters),
    external: pack(lex.external), longestExternal: lex.longestExternal, embeddings: SortedWordClasses.encode(lex.embeddings), notice,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(8);
  len.writeUInt32LE(headerBytes.length, 0);
  len.writeUInt32LE(varints.length, 4);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC), len, headerBytes, Buffer.from(varints), Buffer.from(Int8Array.from(values).buffer)]), { level: 9 });
}

export function decodeModel(file: Uint8Array): Model {
  const raw = gunzipSync(file);
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a Cuttings entity model');
  let at = MAGIC.length;
  const headerLength = raw.readUInt32LE(at);
  const varintLength = raw.readUInt32LE(at + 4);
  at += 8;
  const header = JSON.parse(raw.subarray(at, at + headerLength).toString('utf8')) as Header;
  at += headerLength;
  if (header.labelCount !== LABEL_COUNT) throw new Error('entity model has another label set');
  const weights = new Int8Array((1 << header.hashBits) * LABEL_COUNT);
  const values = new Int8Array(raw.buffer, raw.byteOffset + at + varintLength, header.rows * LABEL_COUNT);
  let row = 0;
  let p = at;
  for (let r = 0; r < header.rows; r++) {
    let d = 0;
    let shift = 0;
    for (;;) {
      const b = raw[p++];
      d += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    row += d;
    for (let y = 0; y < LABEL_COUNT; y++) weights[row * LABEL_COUNT + y] = values[r * LABEL_COUNT + y];
  }
  const lexicon: Lexicon = {
    words: unpack(header.words), names: unpack(header.names), longestName: header.longestName,
    capitalised: unpack(header.capitalised), clusters: unpack(header.clusters),
    external: unpack(header.external), longestExternal: header.longestExternal,
    embeddings: header.embeddings ? new SortedWordClasses(header.embeddings.words, header.embeddings.classes) : new Map(),
  };
  return { hashBits: header.hashBits, weights, scale: header.scale, transitions: Float32Array.from(header.transitions), lexicon };
}
