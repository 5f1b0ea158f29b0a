// A throwaway PostgreSQL cluster for tests of the team library: initdb into a temporary
// folder, started on a free port of 127.0.0.1, removed at the end. It is the real server from
// the machine's packages (Debian's `postgresql`, which .ci/run installs); nothing is mocked.
// As root the cluster runs as the `postgres` user, since PostgreSQL refuses to run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestPostgres {
  /** A connection URL for the cluster's `postgres` database. */
  url: string;
  port: number;
  /** Makes a fresh, empty database and returns its URL. */
  createDatabase(name: string): string;
  /** Stops the server (a database outage), keeping its data. */
  stop(): void;
  /** Starts it again on the same port. */
  start(): void;
  /** Stops the server and removes its files. */
  remove(): void;
}

function binDir(): string {
  const fromEnv = process.env.CUTTINGS_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) {
    throw new Error('PostgreSQL is not installed: the team-library tests need its server (apt-get install postgresql), or CUTTINGS_PG_BIN naming its bin folder');
  }
  return path.join(root, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): string {
  const command = asRoot ? 'runuser' : bin;
  const argv = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuttings-pg-'));
  const data = path.join(dir, 'data');
  const sockets = path.join(dir, 'sockets');
  fs.mkdirSync(sockets);
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const pgCtl = path.join(bin, 'pg_ctl');
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => void run(pgCtl, ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start']);
  const stop = () => void run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  const psql = path.join(bin, 'psql');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let removed = false;
  return {
    url,
    port,
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      run(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
    remove() {
      if (removed) return;
      removed = true;
      try {
        stop();
      } catch {
        // Already stopped (a test that ended during an outage).
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
