// Messages between the import pool and its worker threads.
import type { FileExtraction } from './extract-file.ts';

export interface WorkerRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  mtimeMs?: number;
}

export type WorkerResponse =
  | { id: number; ok: true; extraction: FileExtraction }
  | { id: number; ok: false; reason: string };
