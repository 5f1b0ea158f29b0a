// Files dropped on the window, folders included (webkitGetAsEntry), and their bytes as
// base64 batches for importUploads in browser mode.
import type { UploadedFile } from '../../../electron/api.ts';

export interface DroppedFile {
  file: File;
  /** Path relative to the dropped folder, or the file name. */
  name: string;
}

const hidden = (name: string) => name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';

/** Must be called while the drop event is being dispatched: the items vanish afterwards. */
export function collectDropped(dt: DataTransfer): Promise<DroppedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  const items = Array.from(dt.items ?? []);
  if (items.length) {
    for (const item of items) {
      if (item.kind !== 'file') continue;
      // Folders need the entry API; plain files are taken directly (getAsFile is synchronous
      // and works for every kind of drop, synthetic ones included).
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      if (entry?.isDirectory) entries.push(entry);
      else {
        const f = item.getAsFile();
        if (f) loose.push(f);
      }
    }
  } else loose.push(...Array.from(dt.files ?? []));
  return (async () => {
    const out: DroppedFile[] = loose.filter((f) => !hidden(f.name)).map((file) => ({ file, name: file.name }));
    for (const entry of entries) await walk(entry, '', out);
    return out;
  })();
}

async function walk(entry: FileSystemEntry, prefix: string, out: DroppedFile[]): Promise<void> {
  if (hidden(entry.name)) return;
  if (entry.isFile) {
    const file = await new Promise<File | null>((resolve) => {
      (entry as FileSystemFileEntry).file(resolve, () => resolve(null));
      window.setTimeout(() => resolve(null), 10_000); // never hang a whole drop on one file
    });
    if (file) out.push({ file, name: prefix + file.name });
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns a batch at a time (100 in Chromium) until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`, out);
    }
  }
}

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error(`Could not read ${file.name}`));
    r.readAsDataURL(file);
  });
}

/** Keeps each request near this size (base64 grows bytes by a third). */
export const BATCH_BYTES = 24 * 1024 * 1024;
export const BATCH_FILES = 200;

/** Groups files into batches of reasonable request size, in order. */
export function batches(files: DroppedFile[]): DroppedFile[][] {
  const out: DroppedFile[][] = [];
  let current: DroppedFile[] = [];
  let size = 0;
  for (const f of files) {
    if (current.length && (size + f.file.size > BATCH_BYTES || current.length >= BATCH_FILES)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.file.size;
  }
  if (current.length) out.push(current);
  return out;
}

export async function toUploads(files: DroppedFile[]): Promise<UploadedFile[]> {
  return Promise.all(
    files.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f.file), lastModified: f.file.lastModified })),
  );
}
