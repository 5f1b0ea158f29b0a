// The external word lists of the entity model: the name, place, organisation and title entries
// of compromise's English lexicon (MIT licence), folded like the recogniser folds words. They
// give the recogniser names that the small English training set lacks. Read at training time
// only; the model file carries the lists, so compromise is not needed at run time.
import nlp from 'compromise';
import { foldWord } from '../electron/entities/features.ts';
import { EXTERNAL_CLASSES, type Lexicon } from '../electron/entities/lexicon.ts';
import { tokenize } from '../electron/entities/tokenize.ts';

// compromise's tags that name a class directly, or imply one.
const IMPLIED: Record<string, (typeof EXTERNAL_CLASSES)[number]> = {
  MaleName: 'FirstName', FemaleName: 'FirstName', FirstName: 'FirstName', LastName: 'LastName', Person: 'Person',
  City: 'City', Country: 'Country', Place: 'Place', Region: 'Place', Organization: 'Organization',
  SportsTeam: 'SportsTeam', Actor: 'Actor', Honorific: 'Honorific', Demonym: 'Demonym',
};

/** `triggers` adds compromise's organisation and place trigger nouns (its orgWords and
 * placeWords: "agency", "council", "bay", "island"), which mark an unknown name's type. */
export function buildExternal(target: Lexicon, triggers = true): void {
  const model = nlp.model() as { one: { lexicon: Record<string, string | string[]> }; two: { orgWords?: Record<string, unknown>; placeWords?: Record<string, unknown> } };
  const lexicon = model.one.lexicon;
  if (triggers) {
    const add = (words: Record<string, unknown> | undefined, cls: (typeof EXTERNAL_CLASSES)[number]): void => {
      for (const w of Object.keys(words ?? {}).sort()) {
        const key = foldWord(w);
        target.external.set(key, (target.external.get(key) ?? 0) | (1 << EXTERNAL_CLASSES.indexOf(cls)));
      }
    };
    add(model.two.orgWords, 'OrgWord');
    add(model.two.placeWords, 'PlaceWord');
  }
  for (const [entry, tags] of Object.entries(lexicon)) {
    let bits = 0;
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const cls = IMPLIED[tag];
      if (cls) bits |= 1 << EXTERNAL_CLASSES.indexOf(cls);
    }
    if (!bits) continue;
    const words = tokenize(entry).words.map(foldWord);
    if (words.length === 0) continue;
    const key = words.join(' ');
    target.external.set(key, (target.external.get(key) ?? 0) | bits);
    target.longestExternal = Math.max(target.longestExternal, words.length);
  }
}
