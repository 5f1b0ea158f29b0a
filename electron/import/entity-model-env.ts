// The environment the extraction workers start with: the recogniser's model named by its path
// as this (unbundled) thread finds it. A worker runs as a bundle from another folder
// (node_modules/.cache/cuttings-worker/), where the recogniser's own guess from its location
// would name a model that is not there.
import { DEFAULT_MODEL_PATH } from '../entities/recognise.ts';

export function workerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, CUTTINGS_ENTITY_MODEL: process.env.CUTTINGS_ENTITY_MODEL ?? DEFAULT_MODEL_PATH };
}
