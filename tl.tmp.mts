import fs from 'node:fs';
import { openLibrary } from './electron/library/open-library.ts';
import { ImportJob } from './electron/import/import-job.ts';
import { WorkerPool } from './electron/import/worker-pool.ts';
const dir = '/tmp/prof/tllib'; fs.rmSync(dir, { recursive: true, force: true });
const lib = openLibrary(dir);
const pool = new WorkerPool();
const t0 = performance.now();
const done: number[] = [];
const orig = pool.extract.bind(pool);
(pool as any).extract = async (...a: any[]) => { const r = await (orig as any)(...a); done.push(performance.now() - t0); return r; };
const elu0 = performance.eventLoopUtilization();
await new ImportJob(lib, { pool } as any).runPaths(['/tmp/prof/bpages']);
const end = performance.now() - t0;
console.log('first', done[0].toFixed(0), 'p10', done[100].toFixed(0), 'p50', done[500].toFixed(0), 'p99', done[990].toFixed(0), 'last', done.at(-1)!.toFixed(0), 'end', end.toFixed(0), 'mainBusy', performance.eventLoopUtilization(elu0).utilization.toFixed(2));
// rate per second-bucket
const buckets = new Array(Math.ceil(end / 1000)).fill(0); for (const d of done) buckets[Math.floor(d / 1000)]++; console.log(buckets.join(' '));
await pool.close(); lib.close();
