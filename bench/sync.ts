// bench:sync — the team library's hub under load: 20 simulated members pushing their edits
// concurrently through two hubs on one fresh PostgreSQL database, in batches as the desktop's
// outbox sends them (changes/s sustained), against the naive way in the same run (one HTTP
// request per change). At the end every change is pulled back through the other hub, page by
// page, to check that none was lost or skipped. Then the desktop side (sync-desktop.ts): the
// first sync of a 100,000-clip team library into an empty library, and how soon an edit on one
// desktop shows on another.
//
//   npm run bench:sync
//   npm run bench:sync -- --quick      the desktop side at 10,000 clips
//   BENCH_SYNC_MEMBERS=20 BENCH_SYNC_BATCHES=10 BENCH_SYNC_BATCH=500 BENCH_SYNC_NAIVE=150 for other sizes
import { performance } from 'node:perf_hooks';
import { addMember } from '../electron/hub/hub-admin.ts';
import { startHub, type RunningHub } from '../electron/hub/hub-server.ts';
import { formatHlc } from '../electron/sync/hlc.ts';
import { HUB_PATHS, PULL_PAGE_MAX, type Change, type PullResponse, type PushResponse } from '../electron/sync/protocol.ts';
import { startPostgres, type TestPostgres } from '../tests/helpers/postgres.ts';
import { rng } from './deterministic-random.ts';
import { runDesktopBench } from './sync-desktop.ts';

const MEMBERS = Number(process.env.BENCH_SYNC_MEMBERS ?? 20);
const BATCHES = Number(process.env.BENCH_SYNC_BATCHES ?? 10);
const BATCH = Number(process.env.BENCH_SYNC_BATCH ?? 500);
/** Changes each member sends the naive way (fewer: it is slow, and the rate is what counts). */
const NAIVE = Number(process.env.BENCH_SYNC_NAIVE ?? 150);
/** Clips every member edits, so that a share of the edits meet other members' and conflict. */
const SHARED_CLIPS = 200;

const TAGS = ['venezuela', 'russia', 'energy', 'sanctions', 'election', 'oil', 'summit', 'diplomacy'];
const WORDS = 'minister president talks border visit deal oil gas strike court vote budget report council market'.split(' ');

interface Team {
  hubs: RunningHub[];
  tokens: string[];
  close(): Promise<void>;
}

async function team(pg: TestPostgres, database: string): Promise<Team> {
  const url = pg.createDatabase(database);
  const hubs = [await startHub({ databaseUrl: url }), await startHub({ databaseUrl: url })];
  const tokens: string[] = [];
  for (let m = 0; m < MEMBERS; m++) tokens.push(await addMember(url, `Member ${m + 1}`, 'editor'));
  return { hubs, tokens, close: async () => void (await Promise.all(hubs.map((h) => h.close()))) };
}

/** One member's edits, as their desktop would push them: titles, tags, stars, notes, records. */
function memberChanges(member: number, count: number, prefix: string): Change[] {
  const random = rng(1000 + member);
  const node = `m${member}`;
  const start = 1_760_000_000_000;
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const shared = random() < 0.1;
    const key = shared ? `${prefix}shared-${Math.floor(random() * SHARED_CLIPS)}` : `${prefix}m${member}-clip-${Math.floor(i / 5)}`;
    const hlc = formatHlc({ physical: start + Math.floor(random() * 10_000_000), counter: 0, node });
    const r = random();
    const phrase = () => Array.from({ length: 8 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    if (r < 0.05) {
      changes.push({ kind: 'clip', key, field: 'record', hlc, value: { title: phrase(), bodyText: Array.from({ length: 60 }, phrase).join('. '), contentHash: key } });
    } else if (r < 0.4) {
      changes.push({ kind: 'clip', key, field: `tag:${TAGS[Math.floor(random() * TAGS.length)]}`, hlc, value: random() < 0.85 });
    } else if (r < 0.65) {
      changes.push({ kind: 'clip', key, field: 'title', hlc, value: phrase() });
    } else if (r < 0.8) {
      changes.push({ kind: 'clip', key, field: 'starred', hlc, value: random() < 0.5 });
    } else {
      changes.push({ kind: 'clip', key, field: 'note', hlc, value: phrase(), private: random() < 0.5 });
    }
  }
  return changes;
}

async function pushBatch(hub: RunningHub, token: string, changes: Change[]): Promise<PushResponse> {
  const res = await fetch(new URL(HUB_PATHS.changes.slice(1), hub.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ library: 'bench', changes }),
  });
  if (!res.ok) throw new Error(`push answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as PushResponse;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

interface Run {
  changes: number;
  seconds: number;
  requests: number[];
  outcome: { accepted: number; superseded: number; repeated: number };
}

/** Every member pushes their changes in chunks of `per` (1 = the naive way), all at once. */
async function load(t: Team, perMember: number, per: number, prefix: string): Promise<Run> {
  const requests: number[] = [];
  const outcome = { accepted: 0, superseded: 0, repeated: 0 };
  const t0 = performance.now();
  await Promise.all(
    t.tokens.map(async (token, m) => {
      const changes = memberChanges(m, perMember, prefix);
      const hub = t.hubs[m % t.hubs.length];
      for (let i = 0; i < changes.length; i += per) {
        const r0 = performance.now();
        const r = await pushBatch(hub, token, changes.slice(i, i + per));
        requests.push(performance.now() - r0);
        outcome.accepted += r.accepted;
        outcome.superseded += r.superseded;
        outcome.repeated += r.repeated;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { changes: t.tokens.length * perMember, seconds, requests: requests.sort((a, b) => a - b), outcome };
}

/** Pulls everything member 1 may see through the second hub; returns how many fields and pages. */
async function pullEverything(t: Team): Promise<{ fields: number; pages: number; seqsInOrder: boolean }> {
  let since = 0;
  let fields = 0;
  let pages = 0;
  let seqsInOrder = true;
  const slots = new Set<string>();
  for (;;) {
    const res = await fetch(new URL(`${HUB_PATHS.changes.slice(1)}?since=${since}&limit=${PULL_PAGE_MAX}`, t.hubs[1].url), {
      headers: { authorization: `Bearer ${t.tokens[0]}`, 'accept-encoding': 'gzip' },
    });
    const page = (await res.json()) as PullResponse;
    pages++;
    for (const c of page.changes) {
      if (c.seq <= since) seqsInOrder = false;
      since = c.seq;
      slots.add(JSON.stringify([c.kind, c.key, c.field, c.private ?? false]));
    }
    fields += page.changes.length;
    since = page.next;
    if (!page.more) break;
  }
  return { fields: slots.size === fields ? fields : -1, pages, seqsInOrder };
}

const rate = (n: number) => Math.round(n).toLocaleString('en');

export async function runHubThroughputBench(pg: TestPostgres): Promise<void> {
  console.log(`Hub throughput: ${MEMBERS} members pushing at once through 2 hubs on one fresh database`);
  const batched = await team(pg, 'bench_batched');
  let ours: Run;
  try {
    ours = await load(batched, BATCHES * BATCH, BATCH, '');
    const check = await pullEverything(batched);
    console.log(
      `  Cuttings (batches of ${BATCH}): ${rate(ours.changes)} changes in ${ours.seconds.toFixed(1)} s = ${rate(ours.changes / ours.seconds)} changes/s sustained` +
        ` (a push p50 ${quantile(ours.requests, 0.5).toFixed(0)} ms, p95 ${quantile(ours.requests, 0.95).toFixed(0)} ms;` +
        ` ${rate(ours.outcome.accepted)} accepted, ${rate(ours.outcome.superseded)} lost to a later edit and kept in history)`,
    );
    console.log(`  pulled back through the other hub: ${check.fields < 0 ? 'DUPLICATES' : `${rate(check.fields)} fields`} in ${check.pages} pages, numbers ${check.seqsInOrder ? 'in order' : 'OUT OF ORDER'}`);
  } finally {
    await batched.close();
  }
  const naive = await team(pg, 'bench_naive');
  try {
    const theirs = await load(naive, NAIVE, 1, 'naive-');
    console.log(
      `  naive (one request per change): ${rate(theirs.changes)} changes in ${theirs.seconds.toFixed(1)} s = ${rate(theirs.changes / theirs.seconds)} changes/s` +
        ` (a request p50 ${quantile(theirs.requests, 0.5).toFixed(0)} ms, p95 ${quantile(theirs.requests, 0.95).toFixed(0)} ms)`,
    );
    console.log(`  → batched pushes take ${(ours.changes / ours.seconds / (theirs.changes / theirs.seconds)).toFixed(1)}× the changes per second`);
  } finally {
    await naive.close();
  }
}

const quick = process.argv.includes('--quick') || process.env.CUTTINGS_BENCH_QUICK === '1';
const pg = await startPostgres();
try {
  await runHubThroughputBench(pg);
  // The first sync of a whole team library, and an edit travelling between two desktops.
  await runDesktopBench({ clips: quick ? 10_000 : 100_000, originalsShare: 0.2, naiveSample: 1000, edits: 40 }, pg);
} finally {
  pg.remove();
}
