// Tags on a clip (or a selection): chips with a remove button, and an input that completes
// from the library's tags with fuse.js; Enter adds the highlighted tag or creates a new one.
import Fuse from 'fuse.js';
import { forwardRef, useId, useMemo, useState } from 'react';
import type { Tag, TagRef } from '../../../electron/api.ts';

interface Props {
  tags: TagRef[];
  allTags: Tag[];
  label: string;
  onAdd(name: string): void;
  onRemove(name: string): void;
}

export const TagEditor = forwardRef<HTMLInputElement, Props>(function TagEditor({ tags, allTags, label, onAdd, onRemove }, ref) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const listId = useId();
  const fuse = useMemo(() => new Fuse(allTags, { keys: ['name'], threshold: 0.4, ignoreLocation: true }), [allTags]);
  const typed = text.trim();

  const suggestions: { name: string; colour: string | null; count: number | null }[] = useMemo(() => {
    const present = new Set(tags.map((t) => t.name.toLowerCase()));
    const pool = typed ? fuse.search(typed, { limit: 8 }).map((r) => r.item) : [...allTags].sort((a, b) => b.count - a.count).slice(0, 8);
    const out: { name: string; colour: string | null; count: number | null }[] = pool
      .filter((t) => !present.has(t.name.toLowerCase()))
      .slice(0, 6)
      .map((t) => ({ name: t.name, colour: t.colour, count: t.count }));
    if (typed && !allTags.some((t) => t.name.toLowerCase() === typed.toLowerCase()) && !present.has(typed.toLowerCase())) {
      out.push({ name: typed, colour: null, count: null });
    }
    return out;
  }, [typed, fuse, allTags, tags]);

  const commit = (name: string) => {
    const n = name.trim();
    if (!n) return;
    onAdd(n);
    setText('');
    setHighlight(0);
  };

  const showList = open && suggestions.length > 0;

  return (
    <div className="tag-editor" role="group" aria-label={label}>
      {tags.map((t) => (
        <span key={t.id} className="tag-chip">
          <span className="dot" style={{ background: t.colour }} />
          <span className="tag-chip-name">{t.name}</span>
          <button type="button" className="tag-chip-x" aria-label={`Remove tag ${t.name}`} onClick={() => onRemove(t.name)}>
            ×
          </button>
        </span>
      ))}
      <div className="tag-input-wrap">
        <input
          ref={ref}
          className="tag-input"
          role="combobox"
          aria-label="Add a tag"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList ? `${listId}-${highlight}` : undefined}
          placeholder={tags.length ? 'Add tag…' : 'Add a tag…'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setHighlight(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 120)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setHighlight((h) => Math.min(suggestions.length - 1, h + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setHighlight((h) => Math.max(0, h - 1));
            } else if (e.key === 'Enter' || (e.key === ',' && typed)) {
              e.preventDefault();
              const pick = showList && typed ? suggestions[highlight] : undefined;
              commit(pick ? pick.name : typed);
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              if (text) setText('');
              else (e.target as HTMLInputElement).blur();
              setOpen(false);
            }
          }}
        />
        {showList && (
          <ul className="popup-list tag-suggestions" role="listbox" id={listId} aria-label="Tag suggestions">
            {suggestions.map((s, i) => (
              <li
                key={`${s.name}-${s.count ?? 'new'}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === highlight}
                className={i === highlight ? 'highlight' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  commit(s.name);
                }}
                onMouseEnter={() => setHighlight(i)}
              >
                {s.colour ? <span className="dot" style={{ background: s.colour }} /> : <span className="plus">+</span>}
                <span className="name">{s.colour ? s.name : `Create “${s.name}”`}</span>
                {s.count !== null && <span className="count">{s.count}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
});
