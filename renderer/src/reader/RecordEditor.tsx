// The clip's record edited in place: headline, outlet, author(s), publication date and link.
// Enter saves, Esc cancels, Tab moves between the fields. A field the person corrected shows
// what the import had, with a way to go back to it; a date may be a day, a month or a year,
// typed as people write them; a link must be a web address.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Api, Clip, ClipPatch, RecordField } from '../../../electron/api.ts';
import { formatDateTime, hostOf, plural } from '../common/format.ts';
import { readRecordDate } from './record-date.ts';
import { fieldName } from './record-edit-notices.ts';
import './record-editor.css';

interface Props {
  api: Api;
  clip: Clip;
  /** Bumped when the library changes (the count of the site's rules is asked again). */
  revision: number;
  /** Saves the patch; answers an error to show, or null once saved. */
  onSave(patch: ClipPatch, typed: Values): Promise<string | null>;
  onCancel(): void;
  onShowRules(): void;
}

export type Values = Record<RecordField, string>;

const ORDER: RecordField[] = ['title', 'source', 'author', 'publishedAt', 'url'];

const LABELS: Record<RecordField, string> = {
  title: 'Headline',
  source: 'Outlet',
  author: 'Author(s)',
  publishedAt: 'Published',
  url: 'Link',
};

const HINTS: Partial<Record<RecordField, string>> = {
  author: 'Several names: separate them with ;',
  publishedAt: 'A day, a month or a year: 2019-09-20, 20 Sep 2019, 2019-09, 2019',
};

function valuesOf(clip: Clip): Values {
  return { title: clip.title, source: clip.source ?? '', author: clip.author ?? '', publishedAt: clip.publishedAt ?? '', url: clip.url ?? '' };
}

/** A typed link as stored: empty is none; "www.site.com/x" is taken as https. */
function readUrl(text: string): { ok: true; url: string | null } | { ok: false; message: string } {
  let t = text.trim();
  if (!t) return { ok: true, url: null };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(t) && /^[\w-]+(\.[\w-]+)+(\/|$)/.test(t)) t = `https://${t}`;
  try {
    const u = new URL(t);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname) return { ok: true, url: t };
  } catch {
    /* not a URL */
  }
  return { ok: false, message: 'A link must be a web address starting with http:// or https://.' };
}

/** The patch of what changed, or the first field's error. */
function patchOf(clip: Clip, v: Values): { patch: ClipPatch; errors: Partial<Record<RecordField, string>> } {
  const patch: ClipPatch = {};
  const errors: Partial<Record<RecordField, string>> = {};
  const text = (s: string) => s.replace(/\s+/g, ' ').trim();
  const title = text(v.title);
  if (!title) errors.title = 'A clip needs a headline.';
  else if (title !== clip.title) patch.title = title;
  const source = text(v.source) || null;
  if (source !== clip.source) patch.source = source;
  const author = text(v.author) || null;
  if (author !== clip.author) patch.author = author;
  const date = readRecordDate(v.publishedAt);
  if (!date.ok) errors.publishedAt = date.message;
  else if (date.iso !== clip.publishedAt) patch.publishedAt = date.iso;
  const url = readUrl(v.url);
  if (!url.ok) errors.url = url.message;
  else if (url.url !== clip.url) patch.url = url.url;
  return { patch, errors };
}

export function RecordEditor({ api, clip, revision, onSave, onCancel, onShowRules }: Props) {
  const [values, setValues] = useState<Values>(() => valuesOf(clip));
  const [errors, setErrors] = useState<Partial<Record<RecordField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [outlets, setOutlets] = useState<string[]>([]);
  const [rules, setRules] = useState<number | null>(null);
  const inputs = useRef<Partial<Record<RecordField, HTMLInputElement | null>>>({});
  const id = useId();
  const site = clip.site ?? (clip.url ? hostOf(clip.url) : null);

  useEffect(() => {
    const first = inputs.current.title;
    first?.focus();
    first?.setSelectionRange(first.value.length, first.value.length);
  }, []);
  useEffect(() => {
    let live = true;
    api.listSources({}).then((s) => live && setOutlets(s.map((o) => o.value)), () => undefined);
    if (site) api.listSiteRules({ site }).then((r) => live && setRules(r.length), () => undefined);
    return () => {
      live = false;
    };
  }, [api, site, revision]);

  const set = (field: RecordField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const save = async () => {
    const { patch, errors: found } = patchOf(clip, values);
    setErrors(found);
    const wrong = ORDER.find((f) => found[f]);
    if (wrong) {
      inputs.current[wrong]?.focus();
      return;
    }
    if (Object.keys(patch).length === 0) {
      onCancel();
      return;
    }
    setSaving(true);
    const problem = await onSave(patch, values);
    setSaving(false);
    setFailure(problem);
  };

  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  const reading = readRecordDate(values.publishedAt);
  // While typing: how the date reads (its precision included), or how to write one.
  const dateNote = !reading.ok ? HINTS.publishedAt : reading.iso ? `Reads as ${formatDateTime(reading.iso)}` : 'No date: the clip will be undated';

  return (
    <form
      className="record-editor"
      aria-label="Edit the record"
      noValidate
      onKeyDown={keys}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {failure && (
        <div className="record-failure" role="alert">
          {failure}
        </div>
      )}
      {ORDER.map((field) => {
        const correction = clip.corrections.find((c) => c.field === field);
        const error = errors[field];
        const note = field === 'publishedAt' ? dateNote : HINTS[field];
        const describedBy = [error || note ? `${id}-${field}-note` : '', correction ? `${id}-${field}-was` : ''].filter(Boolean).join(' ');
        return (
          <div key={field} className={`record-field${error ? ' invalid' : ''}`}>
            <label htmlFor={`${id}-${field}`}>{LABELS[field]}</label>
            <div className="record-input">
              <input
                id={`${id}-${field}`}
                ref={(el) => {
                  inputs.current[field] = el;
                }}
                className={field === 'title' ? 'record-title-input' : undefined}
                value={values[field]}
                list={field === 'source' ? `${id}-outlets` : undefined}
                inputMode={field === 'url' ? 'url' : undefined}
                spellCheck={field === 'title'}
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy || undefined}
                placeholder={field === 'title' ? '' : field === 'url' ? 'https://…' : 'None'}
                onChange={(e) => set(field, e.target.value)}
              />
              {(error || note) && (
                <div id={`${id}-${field}-note`} className={error ? 'record-error' : 'record-note'} role={error ? 'alert' : undefined}>
                  {error ?? note}
                </div>
              )}
              {correction && (
                <div id={`${id}-${field}-was`} className="record-was">
                  You corrected this. The import had {correction.extracted === null ? 'nothing' : `“${correction.extracted}”`}.{' '}
                  <button type="button" className="link-button" onClick={() => set(field, correction.extracted ?? '')}>
                    Use the imported {fieldName(field)}
                  </button>
                </div>
              )}
            </div>
          </div>
        );
      })}
      <datalist id={`${id}-outlets`}>
        {outlets.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <div className="record-actions">
        <span className="record-keys subtle">Enter saves · Esc cancels</span>
        <button type="button" className="link-button record-rules" onClick={onShowRules}>
          {site && rules ? `${plural(rules, 'rule')} for ${site}…` : 'Site rules…'}
        </button>
        <span className="toolbar-gap" />
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
