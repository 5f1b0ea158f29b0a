// `npm start`: build and launch the desktop app; where Electron cannot start here, say so in
// one sentence and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, whyNoElectron } from './electron-status.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status === 0;

if (!fs.existsSync(path.join(root, 'node_modules'))) {
  console.error('Cuttings is not set up yet: run `npm run setup` first.');
  process.exit(1);
}
if (!run('npm', ['run', '--silent', 'build:renderer'])) process.exit(1);

function browserMode(reason) {
  console.log(`Electron cannot start here because ${reason}, so Cuttings is starting in browser mode: open the URL below.`);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'cuttings.mjs'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

let reason = whyNoElectron();
if (!reason && !fs.existsSync(path.join(root, 'native', 'electron', 'better_sqlite3.node'))) {
  if (!run('npm', ['run', '--silent', 'build:electron-native'])) reason = "the database engine could not be built for Electron's ABI (see the message above)";
}
if (reason) browserMode(reason);
else {
  if (!run('npm', ['run', '--silent', 'build:electron'])) process.exit(1);
  const child = spawn(electronBinary(), [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
