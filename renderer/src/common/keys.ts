// What the keyboard handlers of the window share: whether a key press is typing, and the
// platform's way of naming keys (⌘ on a Mac, Ctrl elsewhere).

export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** The key press lands in a field: it is text, not a command. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/** A dialog is open: the window's own shortcuts wait until it closes. */
export function dialogOpen(): boolean {
  return document.querySelector('[role=dialog]') !== null;
}

/** "Mod" is Cmd on a Mac and Ctrl elsewhere; the other names as each platform prints them. */
export function keyName(key: string): string {
  const mac: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Backspace: '⌫', Delete: '⌦', Enter: '↩', Esc: 'esc' };
  const other: Record<string, string> = { Mod: 'Ctrl' };
  return (IS_MAC ? mac[key] : other[key]) ?? key;
}
