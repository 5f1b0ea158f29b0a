// Wakes long polls when any hub process on the database takes a push: one connection per hub
// process LISTENs on the channel pushes NOTIFY. When that connection is lost (a database
// restart) it is made again and LISTENs again; meanwhile, and once it is back, waiting polls
// look for themselves, since a notification sent while nobody listened is never delivered.
import pg from 'pg';
import { CHANGES_CHANNEL } from './changes-push.ts';

const RETRY_MS = 1_000;
/** How often a waiting poll looks for itself while the listening connection is down. */
const UNLISTENED_POLL_MS = 1_000;

export class ChangeFeed {
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly databaseUrl: string) {}

  /** Connects and listens; resolves once listening, or rejects if the first attempt fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** A number that changes whenever something may have been pushed. */
  get mark(): number {
    return this.generation;
  }

  /**
   * Resolves when something may have been pushed since `mark` was read, or at `deadline`
   * (epoch ms), whichever comes first. True when woken, false at the deadline.
   */
  waitSince(mark: number, deadline: number): Promise<boolean> {
    if (this.generation !== mark) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const limit = this.listening ? deadline - Date.now() : Math.min(deadline - Date.now(), UNLISTENED_POLL_MS);
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(woken);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(!this.listening && Date.now() < deadline), Math.max(0, limit));
      this.waiters.add(wake);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.wakeAll();
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  private wakeAll(): void {
    this.generation++;
    for (const wake of [...this.waiters]) wake();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'cuttings-hub-listen', connectionTimeoutMillis: 5_000, keepAlive: true });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      client.end().catch(() => undefined);
      this.scheduleRetry();
      // Waiting polls look for themselves now, and every second until the feed is back.
      this.wakeAll();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL) this.wakeAll();
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (e) {
      lost();
      throw e;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listening = true;
    // Pushes made while nobody listened: let every waiting poll look.
    this.wakeAll();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch(() => undefined);
    }, RETRY_MS);
  }
}
