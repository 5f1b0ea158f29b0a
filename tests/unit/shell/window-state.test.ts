import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, placeWindow, type WindowState } from '../../../electron/shell/window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };
const saved = (x: number, y: number, width = 1200, height = 800, maximized = false): WindowState => ({ bounds: { x, y, width, height }, maximized, fullScreen: false });

describe('where the window opens', () => {
  it('opens centred at the default size the first time', () => {
    const p = placeWindow(null, [monitorRight]);
    expect(p.bounds).toEqual({ x: 1440 + (2560 - DEFAULT_SIZE.width) / 2, y: (1400 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE });
  });

  it('comes back where it was, maximised or not', () => {
    expect(placeWindow(saved(1600, 100, 1300, 900, true), [laptop, monitorRight])).toEqual({ bounds: { x: 1600, y: 100, width: 1300, height: 900 }, maximized: true, fullScreen: false });
  });

  it('is brought back onto a visible screen when its screen has gone', () => {
    // Saved on the external monitor; the laptop is now undocked.
    const p = placeWindow(saved(2000, 200), [laptop]);
    expect(p.bounds.x).toBeGreaterThanOrEqual(0);
    expect(p.bounds.x + p.bounds.width).toBeLessThanOrEqual(1440);
    expect(p.bounds.y + p.bounds.height).toBeLessThanOrEqual(875);
  });

  it('does not count a sliver on screen, or a title bar above the screen, as visible', () => {
    expect(placeWindow(saved(1400, 100), [laptop]).bounds.x).toBeLessThan(1400); // 40 px showing
    expect(placeWindow(saved(100, -500), [laptop]).bounds.y).toBeGreaterThanOrEqual(0);
  });

  it('never opens larger than the screen it is on, nor smaller than the minimum', () => {
    const big = placeWindow(saved(0, 0, 3000, 2000), [laptop]);
    expect(big.bounds.width).toBeLessThanOrEqual(1440);
    expect(big.bounds.height).toBeLessThanOrEqual(875);
    expect(placeWindow(saved(10, 10, 200, 100), [monitorRight, laptop]).bounds.width).toBe(900);
  });
});
