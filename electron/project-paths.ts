// Folders of the installed project, found from this file's own location.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '..');
export const RENDERER_DIST = path.join(PROJECT_ROOT, 'dist', 'renderer');
export const SAMPLES_DIR = path.join(PROJECT_ROOT, 'resources', 'samples');
