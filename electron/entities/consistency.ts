// One name, one type within a document: news writes "Nicolás Maduro" once and "Maduro"
// afterwards, and a lone "Maduro" far from any cue is easily mistyped or missed. After
// decoding, a document's mentions are made to agree: the same words get the type most of their
// mentions got, a word that ends a person's full name is that person, and an untagged
// capitalised word that the document itself names elsewhere is tagged too.

export interface TokenSpan {
  first: number;
  last: number;
  type: number;
}

const PER = 0;

export function harmonise(words: string[], spans: TokenSpan[]): TokenSpan[] {
  if (spans.length === 0) return spans;
  const surface = (s: TokenSpan): string => words.slice(s.first, s.last).join(' ');
  // Votes per surface form.
  const votes = new Map<string, number[]>();
  for (const s of spans) {
    const key = surface(s);
    const v = votes.get(key) ?? [0, 0, 0];
    v[s.type]++;
    votes.set(key, v);
  }
  const surnames = new Set<string>();
  for (const s of spans) if (s.type === PER && s.last - s.first >= 2) surnames.add(words[s.last - 1]);
  const majority = (key: string, current: number): number => {
    const v = votes.get(key);
    if (!v) return current;
    let best = current;
    for (let t = 0; t < v.length; t++) if (v[t] > v[best]) best = t;
    return best;
  };
  const out = spans.map((s) => {
    const key = surface(s);
    if (s.last - s.first === 1 && surnames.has(key)) return { ...s, type: PER };
    return { ...s, type: majority(key, s.type) };
  });
  // Single words named elsewhere in the document, left untagged here.
  const covered = new Uint8Array(words.length);
  for (const s of out) covered.fill(1, s.first, s.last);
  const added: TokenSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    if (covered[i]) continue;
    const w = words[i];
    const first = w.charAt(0);
    if (first === first.toLowerCase()) continue;
    if (surnames.has(w)) added.push({ first: i, last: i + 1, type: PER });
    else if (votes.has(w)) added.push({ first: i, last: i + 1, type: majority(w, 0) });
  }
  if (added.length === 0) return out;
  return [...out, ...added].sort((x, y) => x.first - y.first);
}
