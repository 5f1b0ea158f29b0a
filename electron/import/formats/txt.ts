// Pages saved as plain text: detect the encoding (BOMs, UTF-16 without a BOM, UTF-8,
// windows-1252), normalise line breaks and drop control characters.
import { ImportError, type ReadResult } from '../types.ts';
import { decodeText } from './charset.ts';
import type { Limits } from './limits.ts';
import { textResult } from './result.ts';
import { capText, cleanText, hasVisibleText } from './text-clean.ts';

export function readTxt(bytes: Uint8Array, limits: Limits): ReadResult {
  const decoded = decodeText(bytes);
  const text = capText(cleanText(decoded.text), limits.maxTextChars, decoded.warnings);
  assertReadableText(text);
  return textResult('txt', text, {}, decoded.warnings);
}

/** Refuses text with nothing to show, or text that is mostly replacement characters. */
export function assertReadableText(text: string): void {
  if (!hasVisibleText(text)) throw new ImportError('no article text found');
  const sample = text.slice(0, 65536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
  if (bad > 16 && bad / sample.length > 0.15) throw new ImportError('not a text document: the text is in no readable character set');
}
