// Saved searches: a name and a query string; the count is computed live by the search engine.
import type Database from 'better-sqlite3';
import { NotFoundError } from './clips.ts';

export interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
}

export function listSavedSearches(db: Database.Database): SavedSearchRow[] {
  return db.prepare('SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE').all() as SavedSearchRow[];
}

export function saveSearch(db: Database.Database, name: string, query: string): SavedSearchRow {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new Error('A saved search needs a name.');
  // Saving under an existing name updates that search: what a person means by "save again".
  db.prepare(
    `INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET query = excluded.query`,
  ).run(clean, query, new Date().toISOString());
  return db.prepare('SELECT id, name, query FROM saved_searches WHERE name = ? COLLATE NOCASE').get(clean) as SavedSearchRow;
}

export function deleteSavedSearch(db: Database.Database, id: number): boolean {
  const n = db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes;
  if (!n) throw new NotFoundError(`There is no saved search ${id}.`);
  return true;
}
