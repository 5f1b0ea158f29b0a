// Worker entry when running from source: teach this thread TypeScript, then load the worker.
// (The Electron build bundles extract-worker.ts into plain JavaScript instead.)
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
