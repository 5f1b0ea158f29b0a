// Reads the library file once in the background when the app opens, so the operating system
// has it in its cache before the first search: a cold 100,000-clip library otherwise makes
// the first query wait half a second on the disk. Asynchronous and bounded; never blocks.
import fs from 'node:fs';
import path from 'node:path';

const CHUNK = 4 * 1024 * 1024;
const MAX_BYTES = 1024 * 1024 * 1024;

export async function warmLibraryCache(libraryDir: string): Promise<void> {
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(path.join(libraryDir, 'library.sqlite'), 'r');
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let read = 0; read < MAX_BYTES; ) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
  } catch {
    // Only a speed-up: a failure changes nothing.
  } finally {
    await handle?.close();
  }
}
