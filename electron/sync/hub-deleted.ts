// Clips deleted on the hub and still restorable (RESTORE_DAYS): the list, and bringing one back
// — here by undoing its deletion as a person's edit, or, for a clip this library no longer has
// (or never had), by telling the hub it is not deleted and fetching it whole.
import type { Library } from '../library/open-library.ts';
import { writeTransaction } from '../library/write-transaction.ts';
import { clipIdOfKey } from './clip-keys.ts';
import { isDeleted, writeClipField } from './clip-field-writes.ts';
import { HlcClock } from './hlc.ts';
import { flushClipPending } from './pending-fields.ts';
import { HubClient } from './hub-client.ts';
import { readLink, updateLink } from './link-row.ts';
import { HUB_PATHS, type DeletedClip, type PushRequest, type PushResponse } from './protocol.ts';
import { NotLinkedError } from './sync-errors.ts';
import { syncOnce } from './sync-once.ts';

function clientOf(library: Library): HubClient {
  const link = readLink(library.db);
  if (!link) throw new NotLinkedError();
  return new HubClient(link.hubUrl, link.token);
}

export async function listHubDeleted(library: Library): Promise<DeletedClip[]> {
  return clientOf(library).json<DeletedClip[]>('GET', HUB_PATHS.deleted);
}

export async function restoreHubDeleted(library: Library, key: string): Promise<void> {
  const { db } = library;
  const client = clientOf(library);
  const here = clipIdOfKey(db, key);
  if (here !== null && isDeleted(db, here)) {
    writeTransaction(db, () => {
      writeClipField(db, here, 'deleted', false, new Date().toISOString());
      // What members edited while it was deleted here is the hub's already: applied, not sent back.
      db.prepare('INSERT OR IGNORE INTO sync_applying (one) VALUES (1)').run();
      flushClipPending(db, key, here);
      db.prepare('DELETE FROM sync_applying').run();
    });
  } else if (here === null) {
    const stamp = writeTransaction(db, () => {
      const link = readLink(db)!;
      const clock = new HlcClock(link.node, link.clock);
      const hlc = clock.now();
      updateLink(db, { clock: clock.latest });
      return { hlc, node: link.node };
    });
    const body: PushRequest = { library: stamp.node, changes: [{ kind: 'clip', key, field: 'deleted', value: false, hlc: stamp.hlc }] };
    await client.json<PushResponse>('POST', HUB_PATHS.changes, body);
  }
  await syncOnce(library);
}
