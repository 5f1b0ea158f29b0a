// In a packaged desktop app the code sits inside app.asar, an archive that only Electron's own
// file functions can read. Native modules and anything a worker thread loads must be real
// files: the packaging unpacks them into app.asar.unpacked beside the archive, and these
// functions name that copy. Outside a package the path is returned as it is.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function unpackedPath(file: string): string {
  const marker = `${path.sep}app.asar${path.sep}`;
  const at = file.indexOf(marker);
  if (at < 0) return file;
  return `${file.slice(0, at)}${path.sep}app.asar.unpacked${path.sep}${file.slice(at + marker.length)}`;
}

export function unpackedUrl(url: URL): URL {
  return url.protocol === 'file:' ? pathToFileURL(unpackedPath(fileURLToPath(url))) : url;
}
