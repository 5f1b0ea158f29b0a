// How much one browser-mode request may carry, and how many the server keeps open at once.
// The two body sizes are part of the contract (electron/api.ts): the window sizes its upload
// batches by them, and the server's refusals quote them.

export { MAX_REQUEST_BYTES, MAX_UPLOAD_FILE_BYTES } from '../api.ts';

/**
 * Open connections, idle keep-alive ones included. A browser opens at most six per host, so
 * this leaves room for several tabs while a runaway client cannot hold hundreds.
 */
export const MAX_CONNECTIONS = 64;

/** Open event streams (one per window or tab; each holds a connection for as long as it lives). */
export const MAX_EVENT_STREAMS = 16;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

export function tooLargeMessage(maxBytes: number): string {
  return `The request is too large: at most ${size(maxBytes)} at a time. Drop fewer files at once, or import large files with \`cuttings import <path>\` on this machine.`;
}

export function tooManyConnectionsMessage(max: number): string {
  return `Cuttings has too many open connections (at most ${max}). Close some of its tabs, then try again.`;
}

export function tooManyEventStreamsMessage(max: number): string {
  return `Cuttings is already sending events to ${max} windows, its most. Close some of its tabs, then reload this one.`;
}
