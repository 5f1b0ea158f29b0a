// A worker thread that turns one file's bytes into an extraction ready to store. Extraction
// is CPU work (DOM parsing, Readability, PDF text), so it runs here, off the thread that
// owns the library.
import { parentPort, workerData } from 'node:worker_threads';
import { defaultModel } from '../entities/recognise.ts';
import { extractFromBytes } from './extract-file.ts';
import { prepareClip } from './prepare-clip.ts';
import { ImportError } from './types.ts';
import type { WorkerRequest, WorkerResponse } from './worker-messages.ts';

function reasonOf(e: unknown): string {
  if (e instanceof ImportError) return e.reason;
  if (e instanceof RangeError && /memory|size|length/i.test(e.message)) return 'the file is too large to read';
  // An unexpected failure inside a reader: say so plainly, without a stack trace.
  return `could not be read (${(e as Error)?.message?.split('\n')[0]?.slice(0, 200) ?? 'unknown error'})`;
}

/** Jobs the pool dropped after posting them (see WorkerPool.drop). */
const skip: Int32Array | null = (workerData as { skip?: Int32Array } | null)?.skip ?? null;

// The recogniser's model is read before the worker says it is ready: a file's time limit counts
// from then, and reading the model is the worker's start-up, not the file's work.
try {
  defaultModel();
} catch {
  // No model file: each clip is imported without entities (recognise-clip.ts says so).
}
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (req: WorkerRequest) => {
  let res: WorkerResponse;
  if (skip && Atomics.load(skip, req.id % skip.length) === req.id) {
    parentPort!.postMessage({ id: req.id, ok: false, reason: 'the import was stopped', stopped: true } satisfies WorkerResponse);
    return;
  }
  try {
    const extraction = extractFromBytes(req.bytes, req.name, req.mtimeMs, req.extraAttachments);
    // Our own export is restored by the pipeline, which keeps its copy there.
    const prepared = prepareClip(extraction, req.bytes, req.name, { keepOriginal: extraction.format !== 'cuttings-json' });
    res = { id: req.id, ok: true, extraction, prepared };
  } catch (e) {
    res = { id: req.id, ok: false, reason: reasonOf(e) };
  }
  parentPort!.postMessage(res);
});
