// The three citation styles Cuttings offers, as CSL styles registered with citation-js's CSL
// plugin. APA comes with the plugin; Chicago and MLA come from npm packages of the CSL
// project's styles (CC BY-SA 3.0, citationstyles.org; the README credits them):
// - Chicago: "Chicago Manual of Style 17th edition (full note)", the notes-bibliography
//   style, from @citation/csl-style-chicago-fullnote-bibliography (its .csl XML as text).
//   Notes-bibliography rather than author-date: it is the form Chicago gives for news
//   articles in the humanities, the outlet and full date together after the headline.
// - MLA: "Modern Language Association 7th edition", from style-mla (citeproc-js's JSON form of
//   the .csl XML). No npm package this project can reach holds the 9th edition's style.
import '@citation-js/plugin-csl';
import { plugins } from '@citation-js/core';
// The package's info.json itself: its CommonJS entry wraps it in a `default` that loaders unwrap
// differently (tsx does not, esbuild does).
import chicagoPackage from '@citation/csl-style-chicago-fullnote-bibliography/info.json' with { type: 'json' };
import mlaStyle from 'style-mla';
import type { CitationStyle } from '../api.ts';

/** The name each style is registered under in citation-js. */
export const STYLE_TEMPLATES: Record<CitationStyle, string> = {
  apa: 'apa',
  chicago: 'cuttings-chicago-fullnote-bibliography',
  mla: 'cuttings-modern-language-association-7th-edition',
};

/** What each style is, as people read it (the CLI's help, the README). */
export const STYLE_TITLES: Record<CitationStyle, string> = {
  apa: 'APA 7th edition',
  chicago: 'Chicago 17th edition (notes and bibliography)',
  mla: 'MLA 7th edition',
};

let registered = false;

/** Registers the styles once, on first use (the first citation pays for parsing none of them). */
export function ensureCitationStyles(): void {
  if (registered) return;
  const { styles } = plugins.config.get('@csl');
  styles.add(STYLE_TEMPLATES.chicago, chicagoPackage.content);
  styles.add(STYLE_TEMPLATES.mla, mlaStyle);
  registered = true;
}
