// The search field's text and the query the list follows. A keystroke that comes after a
// pause (80 ms or more since the previous one) searches at once; keystrokes in quick
// succession wait until the typing pauses for 80 ms, so the list updates as you type without
// asking the library for every intermediate word. Stale answers are dropped by the list
// (each query has its own pager).
import { useCallback, useEffect, useRef, useState } from 'react';
import type React from 'react';

export const DEBOUNCE_MS = 80;

export interface SearchInput {
  input: string;
  query: string;
  /** The person is still typing the last word (no space after it, not confirmed with Enter):
   * it is searched as a prefix, and very broad matches are ranked quickly rather than fully. */
  typing: boolean;
  setInput(value: string): void;
  /** Sets both at once (saved searches, Esc). */
  set(value: string): void;
  clear(): void;
  focus(): void;
  ref: React.RefObject<HTMLInputElement | null>;
}

export function useSearchInput(): SearchInput {
  const [input, setInputState] = useState('');
  const [query, setQuery] = useState('');
  const [typing, setTyping] = useState(false);
  const lastKey = useRef(0);
  const timer = useRef<number | null>(null);
  const ref = useRef<HTMLInputElement | null>(null);

  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);

  const setInput = useCallback((value: string) => {
    setInputState(value);
    if (timer.current !== null) window.clearTimeout(timer.current);
    const fire = () => {
      timer.current = null;
      setQuery(value.trim());
      setTyping(!/\s$/.test(value));
    };
    // Measured from the previous keystroke, not the previous search: at a steady six keys a
    // second every key searches at once, even when the one before had to wait.
    const now = performance.now();
    const quick = now - lastKey.current < DEBOUNCE_MS;
    lastKey.current = now;
    if (!quick) fire();
    else timer.current = window.setTimeout(fire, DEBOUNCE_MS);
  }, []);

  const set = useCallback((value: string) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    setInputState(value);
    setQuery(value.trim());
    setTyping(false);
  }, []);

  return {
    input,
    query,
    typing,
    setInput,
    set,
    clear: () => set(''),
    focus: () => {
      ref.current?.focus();
      ref.current?.select();
    },
    ref,
  };
}
