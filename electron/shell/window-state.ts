// The window comes back where the user left it: size, position and maximised state. A window
// saved on a screen that has since gone (a laptop off its dock) is brought onto a visible one.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1360, height: 860 };
export const MIN_SIZE = { width: 900, height: 560 };

/** How much of the window must lie on a screen for it to count as visible there. */
const VISIBLE = { width: 120, height: 60 };

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}

function centredIn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: Math.round(area.x + (area.width - w) / 2), y: Math.round(area.y + (area.height - h) / 2), width: w, height: h };
}

function isSaneRect(r: unknown): r is Rect {
  const o = r as Rect;
  return !!o && [o.x, o.y, o.width, o.height].every((n) => typeof n === 'number' && Number.isFinite(n)) && o.width > 0 && o.height > 0;
}

/** Reads a saved state, whatever the settings file holds. */
export function parseWindowState(raw: unknown): WindowState | null {
  const o = raw as Partial<WindowState> | null;
  if (!o || !isSaneRect(o.bounds)) return null;
  return { bounds: { ...o.bounds }, maximized: o.maximized === true, fullScreen: o.fullScreen === true };
}

/**
 * Where to open the window. `workAreas` are the screens now attached (their usable areas,
 * without taskbars and docks); the first is the primary screen.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): { bounds: Rect; maximized: boolean; fullScreen: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (!saved) return { bounds: centredIn(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: false, fullScreen: false };
  const width = Math.max(MIN_SIZE.width, Math.round(saved.bounds.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.bounds.height));
  const bounds = { x: Math.round(saved.bounds.x), y: Math.round(saved.bounds.y), width, height };
  // The screen showing most of the window, as long as enough of it, title bar included, is there.
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(bounds, area);
    const titleBarOnScreen = bounds.y >= area.y && bounds.y < area.y + area.height - VISIBLE.height;
    if (o.width >= VISIBLE.width && o.height >= VISIBLE.height && titleBarOnScreen && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  const state = { maximized: saved.maximized, fullScreen: saved.fullScreen };
  if (!best) return { bounds: centredIn(primary, width, height), ...state };
  // On its screen, but never larger than it.
  const fitted = { ...bounds, width: Math.min(width, best.width), height: Math.min(height, best.height) };
  fitted.x = Math.min(Math.max(fitted.x, best.x), best.x + best.width - fitted.width);
  fitted.y = Math.min(Math.max(fitted.y, best.y), best.y + best.height - fitted.height);
  return { bounds: fitted, ...state };
}
