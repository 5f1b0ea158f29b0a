// Writing an export so that it is either all there or not there at all: everything goes to a
// hidden ".partial" sibling first and is renamed into place at the end; on any failure the
// partial is removed. A file the person named (a CLI --output, the save dialog's choice,
// which already asked about replacing) is replaced in that one rename. A folder is only ever
// created, or filled if empty: an export never mixes its files with someone else's.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ExportError } from './export-error.ts';
import type { ExportEntry } from './markdown.ts';

const FLUSH_BYTES = 1 << 20;

function partialPath(output: string): string {
  return path.join(path.dirname(output), `.${path.basename(output)}.${crypto.randomBytes(4).toString('hex')}.partial`);
}

function checkParent(output: string): void {
  const parent = path.dirname(output);
  if (!fs.existsSync(parent) || !fs.statSync(parent).isDirectory()) throw new ExportError(`The folder ${parent} does not exist.`);
}

/** Writes the chunks to `output` (a file), replacing a file already there. */
export async function writeFileAtomically(output: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  checkParent(output);
  if (fs.existsSync(output) && fs.statSync(output).isDirectory()) throw new ExportError(`${output} is a folder: give the name of a file to write.`);
  const temp = partialPath(output);
  const handle = await fsp.open(temp, 'wx');
  try {
    let pending: string[] = [];
    let size = 0;
    const flush = async () => {
      if (pending.length) await handle.write(pending.join(''));
      pending = [];
      size = 0;
    };
    for await (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= FLUSH_BYTES) await flush();
    }
    await flush();
    await handle.sync();
    await handle.close();
    await fsp.rename(temp, output);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fsp.rm(temp, { force: true });
    throw e;
  }
}

/** Writes `bytes` to `output` (a file), replacing a file already there: a PDF or DOCX made whole in memory. */
export async function writeBytesAtomically(output: string, bytes: Uint8Array): Promise<void> {
  checkParent(output);
  if (fs.existsSync(output) && fs.statSync(output).isDirectory()) throw new ExportError(`${output} is a folder: give the name of a file to write.`);
  const temp = partialPath(output);
  try {
    const handle = await fsp.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, output);
  } catch (e) {
    await fsp.rm(temp, { force: true });
    throw e;
  }
}

/** Writes the entries into `output`, a folder that must not exist yet or be empty. */
export async function writeFolderAtomically(output: string, entries: AsyncIterable<ExportEntry>): Promise<void> {
  checkParent(output);
  if (fs.existsSync(output)) {
    if (!fs.statSync(output).isDirectory()) throw new ExportError(`${output} is a file: a Markdown export needs a new or empty folder.`);
    if (fs.readdirSync(output).length) throw new ExportError(`The folder ${output} is not empty: a Markdown export goes into a new or empty folder, so it never mixes with other files.`);
  }
  const temp = partialPath(output);
  await fsp.mkdir(temp);
  try {
    const made = new Set<string>();
    for await (const entry of entries) {
      const file = path.join(temp, ...entry.path.split('/'));
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        await fsp.mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await fsp.writeFile(file, entry.bytes, { flag: 'wx' });
    }
    // An empty folder named by the person is replaced by the finished one; rmdir fails (and
    // the export with it) if anything appeared in it meanwhile.
    if (fs.existsSync(output)) await fsp.rmdir(output);
    await fsp.rename(temp, output);
  } catch (e) {
    await fsp.rm(temp, { recursive: true, force: true });
    throw e;
  }
}
