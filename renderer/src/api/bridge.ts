// How the renderer reaches the library: Electron's preload bridge (window.cuttings) when it
// exists, otherwise the same contract over HTTP to `cuttings serve` (browser mode).
import type { CuttingsBridge } from '../../../electron/api.ts';
import { createHttpBridge } from './http-bridge.ts';

declare global {
  interface Window {
    cuttings?: CuttingsBridge;
  }
}

let bridge: CuttingsBridge | null = null;

export function getBridge(): CuttingsBridge {
  bridge ??= window.cuttings ?? createHttpBridge();
  return bridge;
}

/** True in the desktop app: native dialogs and menus, dropped files imported by path. */
export function isElectron(): boolean {
  return !!getBridge().desktop;
}
