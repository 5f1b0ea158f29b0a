// The three citation styles Cuttings offers, as CSL styles registered with citation-js's CSL
// plugin. APA comes with the plugin; Chicago from an npm package of the CSL project's styles
// (CC BY-SA 3.0, citationstyles.org; the README credits it):
// - Chicago: "Chicago Manual of Style 17th edition (full note)", the notes-bibliography
//   style, from @citation/csl-style-chicago-fullnote-bibliography (its .csl XML as text).
//   Notes-bibliography rather than author-date: it is the form Chicago gives for news
//   articles in the humanities, the outlet and full date together after the headline.
// MLA 9th edition is this project's own CSL style for news articles (csl-style-mla.ts): no npm
// package holds the CSL project's MLA 9 style.
import '@citation-js/plugin-csl';
import { plugins } from '@citation-js/core';
// The package's info.json itself: its CommonJS entry wraps it in a `default` that loaders unwrap
// differently (tsx does not, esbuild does).
import chicagoPackage from '@citation/csl-style-chicago-fullnote-bibliography/info.json' with { type: 'json' };
import type { CitationStyle } from '../api.ts';
import { MLA_9TH_CSL } from './csl-style-mla.ts';

/** The name each style is registered under in citation-js. */
export const STYLE_TEMPLATES: Record<CitationStyle, string> = {
  apa: 'apa',
  chicago: 'cuttings-chicago-fullnote-bibliography',
  mla: 'cuttings-mla-9th-news',
};

/** What each style is, as people read it (the CLI's help, the README). */
export const STYLE_TITLES: Record<CitationStyle, string> = {
  apa: 'APA 7th edition',
  chicago: 'Chicago 17th edition (notes and bibliography)',
  mla: 'MLA 9th edition',
};

let registered = false;

/** Registers the styles once, on first use (the first citation pays for parsing none of them). */
export function ensureCitationStyles(): void {
  if (registered) return;
  const { styles } = plugins.config.get('@csl');
  styles.add(STYLE_TEMPLATES.chicago, chicagoPackage.content);
  styles.add(STYLE_TEMPLATES.mla, MLA_9TH_CSL);
  registered = true;
}
