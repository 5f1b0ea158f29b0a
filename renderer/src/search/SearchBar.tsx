// The search field (role searchbox, / or Ctrl/Cmd+F), the active filters as chips, the
// refinements the search suggests (facets), and the "Showing results for …" hint.
import type { ReactNode } from 'react';
import type { SearchResult } from '../../../electron/api.ts';
import { IS_MAC } from '../common/keys.ts';
import type { SearchInput } from './use-search-input.ts';

interface Props {
  search: SearchInput;
  chips: { label: string; remove(): void }[];
  facets: { label: string; count: number; apply(): void }[];
  /** The facet counts come from a sample of a very large result. */
  facetsPartial?: boolean;
  showingResultsFor: string | null;
  /** The settled query's last word, matched as the start of words (it found less whole). */
  prefixFor?: string | null;
  corrections: SearchResult['corrections'];
  onSave(): void;
  /** A control before the search field (the sidebar's toggle). */
  leading?: ReactNode;
}

export function SearchBar({ search, chips, facets, facetsPartial, showingResultsFor, prefixFor, corrections, onSave, leading }: Props) {
  return (
    <div className="search-area">
      <div className="search-row">
        {leading}
        <div className="search-field">
          <svg className="search-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM10.3 10.3l3.2 3.2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          <input
            ref={search.ref}
            type="search"
            role="searchbox"
            aria-label="Search clips"
            placeholder="Search"
            spellCheck={false}
            autoComplete="off"
            value={search.input}
            onChange={(e) => search.setInput(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                if (search.input) search.clear();
                else (e.target as HTMLInputElement).blur();
              } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                // Hand the keyboard to the list.
                e.preventDefault();
                if (e.key === 'Enter') search.set(search.input);
                document.querySelector<HTMLElement>('.clip-list')?.focus();
              }
            }}
          />
          {!search.input && <kbd className="search-kbd" aria-hidden="true">{IS_MAC ? '⌘F' : '/'}</kbd>}
        </div>
        {search.query && (
          <button type="button" className="btn small" onClick={onSave} title="Keep this search in the sidebar">
            Save
          </button>
        )}
      </div>
      {(chips.length > 0 || facets.length > 0) && (
        <div className="chips" role="group" aria-label="Filters">
          {chips.map((c) => (
            <span key={c.label} className="chip active">
              {c.label}
              <button type="button" className="chip-x" aria-label={`Remove filter ${c.label}`} onClick={c.remove}>
                ×
              </button>
            </span>
          ))}
          {facets.map((f) => (
            <button key={`f-${f.label}`} type="button" className="chip facet" onClick={f.apply} title={facetsPartial ? 'Narrow to this (count from a sample of the results)' : 'Narrow to this'}>
              {f.label} <span className="chip-count">{f.count}</span>
            </button>
          ))}
          {facetsPartial && facets.length > 0 && <span className="chip-note">counts from a sample of the results</span>}
        </div>
      )}
      {prefixFor && (
        <div className="did-you-mean" role="status">
          Showing words starting with <strong>“{prefixFor}”</strong>
          {' · '}
          <button type="button" className="link-button" onClick={() => search.set(quoteWord(search.query, prefixFor))}>
            Search for “{prefixFor}” alone
          </button>
        </div>
      )}
      {showingResultsFor && (
        <div className="did-you-mean" role="status">
          Showing results for <strong>{showingResultsFor}</strong>
          {corrections.length > 0 && (
            <span className="subtle">
              {' '}
              (read {corrections.map((c) => `“${c.word}” as “${c.replacements.join('” or “')}”`).join(', ')})
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** The query with its last bare `word` quoted: the word alone, not the start of others. */
export function quoteWord(query: string, word: string): string {
  const lower = query.toLowerCase();
  const at = lower.lastIndexOf(word.toLowerCase());
  if (at < 0) return query;
  return `${query.slice(0, at)}"${query.slice(at, at + word.length)}"${query.slice(at + word.length)}`;
}
