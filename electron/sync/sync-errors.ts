// The two ways a sync stops that a person must hear about, each with what to say.

/** The hub could not be reached (no network, the hub down, a proxy in the way): retried later. */
export class SyncOfflineError extends Error {
  constructor(readonly hubUrl: string, cause?: string) {
    super(`The team hub at ${hubUrl} cannot be reached${cause ? ` (${cause})` : ''}. Edits are kept and sent when it can.`);
    this.name = 'SyncOfflineError';
  }
}

/** The hub refused this member (a revoked token, a read-only member pushing): a person must act. */
export class SyncAttentionError extends Error {
  constructor(readonly reason: string, readonly status?: number) {
    super(reason);
    this.name = 'SyncAttentionError';
  }
}

/** This library is not connected to a hub. */
export class NotLinkedError extends Error {
  constructor() {
    super('This library is not connected to a team hub: connect it with --hub URL --token TOKEN.');
    this.name = 'NotLinkedError';
  }
}
