// Messages between the import pool and its worker threads.
import type { FileExtraction } from './extract-file.ts';
import type { PreparedClip } from './prepare-clip.ts';
import type { Attachment } from './types.ts';

export interface WorkerRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  mtimeMs?: number;
  /** Images found beside the file (a "Webpage, complete" save's folder). */
  extraAttachments?: Attachment[];
}

export type WorkerResponse =
  | { id: number; ok: true; extraction: FileExtraction; prepared: PreparedClip }
  | { id: number; ok: false; reason: string; stopped?: true };
