// What the application menu asks of the window (the desktop app: toggle the sidebar, list the
// keyboard shortcuts, find, export, tell the person how an export went), and the keys that ask
// the same in any window:
// Ctrl/Cmd+\ for the sidebar, ? or Ctrl/Cmd+/ for the shortcuts, Ctrl/Cmd+Shift+E to export,
// Ctrl/Cmd+Shift+P for a press review.
// (/ and Ctrl/Cmd+F, which focus the search box, are the window's own keys: use-window-keys.ts.)
import { useEffect, useRef } from 'react';
import type { DesktopBridge, ShellCommand } from '../../../electron/api.ts';
import { dialogOpen, isTyping } from '../common/keys.ts';

export interface ShellCommandHandlers {
  toggleSidebar(): void;
  showShortcuts(): void;
  focusSearch(): void;
  /** File → Export… (or Ctrl/Cmd+Shift+E): the Export dialog. */
  openExport(): void;
  /** File → Press Review… (or Ctrl/Cmd+Shift+P): the Press review dialog. */
  openReview(): void;
  /** File → Re-extract Whole Library…: asks to confirm, then re-extracts every clip. */
  reextractLibrary(): void;
  /** File → Site Rules…: the corrections remembered per site. */
  showSiteRules(): void;
  showTeamLibrary(): void;
  notify(message: string, error: boolean): void;
}

/** The command a key press asks for, if any. */
export function commandForKey(e: KeyboardEvent, desktop: boolean): ShellCommand | null {
  const mod = e.metaKey || e.ctrlKey;
  // In the desktop app the menu's accelerators (CmdOrCtrl+\, CmdOrCtrl+/) send these commands
  // themselves; were the window to answer the keys too, the sidebar would toggle twice.
  if (mod && !e.altKey && !e.shiftKey && e.key === '\\') return desktop ? null : { command: 'toggle-sidebar' };
  if (mod && !e.altKey && !e.shiftKey && e.key === '/') return desktop || dialogOpen() ? null : { command: 'show-shortcuts' };
  if (e.key === '?' && !mod && !e.altKey && !isTyping(e.target) && !dialogOpen()) return { command: 'show-shortcuts' };
  if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'e') return desktop || dialogOpen() ? null : { command: 'export' };
  if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') return desktop || dialogOpen() ? null : { command: 'press-review' };
  return null;
}

export function useShellCommands(desktop: DesktopBridge | undefined, handlers: ShellCommandHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const run = (c: ShellCommand) => {
      const h = latest.current;
      switch (c.command) {
        case 'toggle-sidebar':
          return h.toggleSidebar();
        case 'show-shortcuts':
          return h.showShortcuts();
        case 'focus-search':
          return h.focusSearch();
        case 'export':
          return h.openExport();
        case 'press-review':
          return h.openReview();
        case 'reextract-library':
          return h.reextractLibrary();
        case 'site-rules':
          return h.showSiteRules();
        case 'team-library':
          return h.showTeamLibrary();
        case 'notify':
          return h.notify(c.message, c.error ?? false);
        default:
          // A command added to the contract and not handled here breaks the build.
          return c satisfies never;
      }
    };
    const offMenu = desktop?.onCommand(run);
    const onKey = (e: KeyboardEvent) => {
      const c = commandForKey(e, !!desktop);
      if (!c) return;
      e.preventDefault();
      run(c);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offMenu?.();
      window.removeEventListener('keydown', onKey);
    };
  }, [desktop]);
}
