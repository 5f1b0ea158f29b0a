// `cuttings entities --recognise DOCS.jsonl`: runs the entity recogniser over documents shaped
// like the entity corpus ({id, text, lang?} per line) and prints {id, entities: [{start, end,
// type}]} per line, so any scorer can be run on any set. It needs no library. The listing of a
// library's entities (`cuttings entities [--type] [--top N]`) is another branch of run().
import { readFileSync } from 'node:fs';
import { recogniseEntities } from '../../entities/recognise.ts';
import { type CommandContext, type PlainCommand } from '../command.ts';
import { ENTITY_LIST_FLAGS, listLibraryEntities } from './entity-list.ts';

export const entitiesCommand: PlainCommand = {
  name: 'entities',
  args: '',
  summary: 'List the people, places and organisations of the library with their clip counts; --recognise DOCS.jsonl finds them in documents',
  library: 'none',
  flags: [
    ...ENTITY_LIST_FLAGS,
    { name: 'recognise', kind: 'value', value: 'FILE', help: 'JSON lines {id, text, lang?} to recognise entities in ("-" reads standard input)' },
    { name: 'lang', kind: 'value', value: 'CODE', help: 'Language of documents that do not give one (en, de, pt, da, hr…)' },
  ],
  async run(ctx) {
    const file = ctx.input.value('recognise');
    if (file !== undefined) return recognise(ctx, file);
    return listLibraryEntities(ctx);
  },
};

function recognise({ io, input }: CommandContext, file: string): number {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    io.err(`${file}: could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 1;
  }
  const fallbackLang = input.value('lang');
  let failed = 0;
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let doc: { id?: unknown; text?: unknown; lang?: unknown };
    try {
      doc = JSON.parse(line) as typeof doc;
    } catch {
      failed++;
      io.err(`${file}:${index + 1}: not a JSON line`);
      return;
    }
    if (typeof doc.text !== 'string') {
      failed++;
      io.err(`${file}:${index + 1}: no "text"`);
      return;
    }
    const lang = typeof doc.lang === 'string' ? doc.lang : fallbackLang;
    const entities = recogniseEntities(doc.text, lang).map(({ start, end, type }) => ({ start, end, type }));
    io.out(JSON.stringify({ id: doc.id ?? null, entities }));
  });
  return failed ? 1 : 0;
}
