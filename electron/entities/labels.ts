// The BIO label set the recogniser predicts, and the mapping from a labelled token sequence
// back to entity spans.

export type EntityType = 'PER' | 'LOC' | 'ORG';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];

/** 0 = O; then B and I for each type in ENTITY_TYPES order (1 B-PER, 2 I-PER, 3 B-LOC, …). */
export const LABEL_COUNT = 1 + 2 * ENTITY_TYPES.length;

export const beginLabel = (typeIndex: number): number => 1 + 2 * typeIndex;
export const insideLabel = (typeIndex: number): number => 2 + 2 * typeIndex;
export const labelType = (label: number): number => (label - 1) >> 1;
export const isInside = (label: number): boolean => label > 0 && (label & 1) === 0;

/** Whether label `next` may follow `prev` (-1 = sequence start): I-X only continues X. */
export function allowedTransition(prev: number, next: number): boolean {
  if (!isInside(next)) return true;
  return prev > 0 && labelType(prev) === labelType(next);
}

/** Token index ranges [first, last) with their type, read off a label sequence. */
export function labelsToSpans(labels: ArrayLike<number>): { first: number; last: number; type: number }[] {
  const spans: { first: number; last: number; type: number }[] = [];
  let open = -1;
  let type = -1;
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? labels[i] : 0;
    const continues = open >= 0 && isInside(l) && labelType(l) === type;
    if (continues) continue;
    if (open >= 0) spans.push({ first: open, last: i, type });
    open = l > 0 ? i : -1;
    type = l > 0 ? labelType(l) : -1;
  }
  return spans;
}

// No guideline puts a possessive or contracted clitic ("'s"), or punctuation, at a name's edge.
const EDGE_JUNK = /^(?:['’](?:s|S|ll|re|ve|d|m)|[^\p{L}\p{N}]+)$/u;

// Honorifics written without a full stop ("Ms Pugh", "Herr Schmidt"), and the titles "Pope" and
// "Kanzler" that stand before a bare name, stay outside a person's
// name in every guideline the training data follows (UNER, NoSta-D).
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|hr|fru|sr|sra|srta|dom|dona|gospodin|gospođa|gđa|g|pope|papst|kanzler|kanzlerin)$/i;
const PERSON = 0;

/** A span with clitic and punctuation tokens trimmed from both ends (and honorifics from the
 * front of a person's name), or null if nothing is left. */
export function trimSpan(words: string[], span: { first: number; last: number; type: number }): { first: number; last: number; type: number } | null {
  let { first, last } = span;
  for (;;) {
    if (first < last && EDGE_JUNK.test(words[first])) first++;
    else if (span.type === PERSON && last - first > 1 && HONORIFIC.test(words[first])) first++;
    else break;
  }
  while (last > first && EDGE_JUNK.test(words[last - 1])) last--;
  return first < last ? { first, last, type: span.type } : null;
}
