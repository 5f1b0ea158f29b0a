// The extension a clip's original is stored, opened and downloaded under. A system picks the
// program for a file by its extension, so that extension comes from what the bytes are (the
// format the import sniffed), never from the name the file arrived with: a text file named
// "news.bat", or an export document naming its original "article.hta", would otherwise be run.
import path from 'node:path';
import type { FormatName } from '../import/types.ts';

/**
 * Every format the import stores, and the extension a system opens with a viewer (a browser,
 * a PDF reader, a word processor, a mail client), never with an interpreter. A Record over
 * FormatName, so a format added to the sniffer cannot be stored without a decision here.
 */
const VIEWER_EXTENSIONS: Record<FormatName, string> = {
  html: '.html',
  mhtml: '.mhtml',
  txt: '.txt',
  md: '.md',
  pdf: '.pdf',
  eml: '.eml',
  docx: '.docx',
  odt: '.odt',
  epub: '.epub',
  webarchive: '.webarchive',
  'cuttings-json': '.json',
};

/** The extension of a copy no system should open with anything: it is shown in its folder instead. */
export const OPAQUE_EXTENSION = '.bin';

const OPENABLE = new Set(Object.values(VIEWER_EXTENSIONS));

const isGzip = (bytes: Uint8Array | undefined): boolean => !!bytes && bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The extension for the stored copy of `bytes`, sniffed as `format`. A gzip-compressed file is
 * read as the format inside it but stored compressed, so it is not that format on disk; its
 * archive tools would unpack a file named by the gzip header, so it gets no viewer either.
 */
export function storedExtension(format: string | null | undefined, bytes?: Uint8Array): string {
  if (isGzip(bytes)) return OPAQUE_EXTENSION;
  return (format && Object.hasOwn(VIEWER_EXTENSIONS, format) ? VIEWER_EXTENSIONS[format as FormatName] : null) ?? OPAQUE_EXTENSION;
}

/**
 * The extension under which the stored copy at `storedPath` may be handed to the system, or
 * null when it must only be shown in its folder. It is read from the stored path (named by
 * storedExtension when it was written, or by migration 5), not from the clip's format column,
 * which an imported export document fills with whatever it says.
 */
export function openableExtension(storedPath: string): string | null {
  const ext = path.extname(storedPath).toLowerCase();
  return OPENABLE.has(ext) ? ext : null;
}

/** The extension a download of the stored copy carries: its viewer's, or the opaque one. */
export function downloadExtension(storedPath: string): string {
  return openableExtension(storedPath) ?? OPAQUE_EXTENSION;
}

// Names Windows keeps for devices, whatever extension follows ("CON.txt" is the console).
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name for opening or downloading an original: the name it arrived with, reduced to a
 * safe base (no folders, control or bidi characters, characters Windows refuses, leading dots
 * that hide it, its own extension), then `ext`. `fallback` stands in when nothing is left.
 */
export function nameWithExtension(originalName: string | null | undefined, ext: string, fallback: string): string {
  const last = (originalName ?? '').split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..').pop() ?? '';
  let base = last
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_');
  const dot = base.lastIndexOf('.');
  if (dot > 0) base = base.slice(0, dot);
  base = [...base.replace(/^[.\s]+|[.\s]+$/g, '')].slice(0, 150).join('').replace(/[.\s]+$/, '');
  if (!base) base = fallback;
  if (WINDOWS_DEVICE.test(base.split('.')[0])) base = `_${base}`;
  return base + ext;
}
