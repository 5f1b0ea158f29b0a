// `cuttings serve`: browser mode on 127.0.0.1 until Ctrl+C.
import fs from 'node:fs';
import path from 'node:path';
import { keepSearchWarm } from '../../handlers/warm-search.ts';
import { RENDERER_DIST } from '../../project-paths.ts';
import { startServer } from '../../server.ts';
import { MAX_FILE_MB_FLAG, type LibraryCommand } from '../command.ts';

export const serveCommand: LibraryCommand = {
  name: 'serve',
  args: '',
  summary: 'Serve the app to a browser on 127.0.0.1',
  library: 'open',
  browser: true,
  flags: [{ name: 'port', kind: 'value', value: 'N', whole: true, help: 'The port (default: any free one)' }, MAX_FILE_MB_FLAG],
  async run({ io, input, handlers, events, library, token }) {
    const port = input.value('port');
    const server = await startServer({ handlers, events, library, staticDir: RENDERER_DIST, port: port ? Number(port) : 0, token });
    io.out(`Cuttings is serving at ${server.url}`);
    const stopWarming = keepSearchWarm(library, events);
    io.err(`Library: ${library.dir}\nPress Ctrl+C to stop.`);
    if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) io.err('Note: the interface is not built yet; run `npm run build:renderer`.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    stopWarming();
    await server.close();
    return 0;
  },
};
