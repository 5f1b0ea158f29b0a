// Entry point of the format readers: sniff the real format from the bytes, then hand the
// file to the reader for that format. (Interim: HTML and plain text only.)
import { ImportError, type ReadResult } from '../types.ts';

export function readBytes(bytes: Uint8Array, name: string): ReadResult {
  if (bytes.length === 0) throw new ImportError('file is empty');
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\u0000')) throw new ImportError('binary data, not a saved article');
  const head = text.slice(0, 2048).toLowerCase();
  if (/<(!doctype html|html|head|body|article|p)[\s>]/.test(head) || /\.html?$/i.test(name)) {
    return { format: 'html', kind: 'html', html: text, hints: {}, attachments: [], warnings: [] };
  }
  return { format: 'txt', kind: 'text', text, hints: {}, attachments: [], warnings: [] };
}
