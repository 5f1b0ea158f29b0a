import { describe, expect, it } from 'vitest';
import { importFinishedNotice, reextractFinishedNotice, taskbarProgress } from '../../../electron/shell/import-progress.ts';
import { QuitGuard, type QuitSteps } from '../../../electron/shell/quit-guard.ts';

function steps(running: string[], answer: boolean) {
  const log: string[] = [];
  const s: QuitSteps = {
    activeImports: () => running,
    confirmStop: async () => {
      log.push('asked');
      return answer;
    },
    stopImports: async () => {
      await new Promise((r) => setTimeout(r, 10));
      running.length = 0;
      log.push('stopped');
    },
    close: async () => {
      log.push(running.length ? 'closed while importing' : 'closed');
    },
    quit: () => log.push('quit'),
  };
  return { s, log };
}
const event = () => ({ prevented: false, preventDefault() { this.prevented = true; } });
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('quitting', () => {
  it('with no import running, closes the library and quits without asking', async () => {
    const { s, log } = steps([], true);
    const guard = new QuitGuard(s);
    guard.onBeforeQuit(event());
    await settle();
    expect(log).toEqual(['stopped', 'closed', 'quit']);
    const again = event();
    guard.onBeforeQuit(again); // the quit it asked for goes through
    expect(again.prevented).toBe(false);
  });

  it('while an import runs, asks; "Keep Importing" keeps everything open', async () => {
    const { s, log } = steps(['job-1'], false);
    const guard = new QuitGuard(s);
    const e = event();
    guard.onBeforeQuit(e);
    await settle();
    expect(e.prevented).toBe(true);
    expect(log).toEqual(['asked']);
    expect(guard.closed).toBe(false);
  });

  it('"Stop and Quit" stops the import before the library is closed', async () => {
    const { s, log } = steps(['job-1'], true);
    const guard = new QuitGuard(s);
    guard.onBeforeQuit(event());
    guard.onBeforeQuit(event()); // a second Cmd+Q while asking does not ask twice
    await settle();
    expect(log).toEqual(['asked', 'stopped', 'closed', 'quit']);
  });
});

describe('import progress outside the window', () => {
  it('is a fraction on the taskbar, "busy" while the count is unknown', () => {
    expect(taskbarProgress({ done: 25, total: 100, scanning: false })).toBe(0.25);
    expect(taskbarProgress({ done: 0, total: 0, scanning: true })).toBeGreaterThan(1);
    expect(taskbarProgress({ done: 5, total: 3, scanning: false })).toBe(1);
  });

  it('ends with a notice that says what happened', () => {
    expect(importFinishedNotice({ added: 1, duplicates: 0, failed: 0, cancelled: false })).toEqual({ title: 'Import finished', body: '1 clip added.' });
    expect(importFinishedNotice({ added: 1200, duplicates: 3, failed: 1, cancelled: true })).toEqual({
      title: 'Import stopped',
      body: '1,200 clips added, 3 duplicates skipped, 1 file could not be read.',
    });
    expect(reextractFinishedNotice({ changed: 12, unchanged: 3, failed: 1, cancelled: false })).toEqual({
      title: 'Re-extraction finished',
      body: '12 clips updated, 3 unchanged, 1 clip could not be read again.',
    });
    expect(reextractFinishedNotice({ changed: 1, unchanged: 0, failed: 0, cancelled: true }).title).toBe('Re-extraction stopped');
  });
});
