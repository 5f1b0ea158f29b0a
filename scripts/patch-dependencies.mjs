#!/usr/bin/env node
// Run after every install (npm's postinstall): small, exact fixes to dependencies, each
// applied only to the text it was written against, so a new version of the dependency is
// left alone (with a warning) rather than mangled.
//
// linkedom 0.18: every DOM node's constructor puts a fresh Map into a module-wide WeakMap
// for event listeners that extraction never adds. Parsing a saved page builds thousands of
// nodes, and those WeakMap entries cost about a fifth of all article extraction time (their
// creation, and the garbage collector's ephemeron work). The Map is made on first use instead.
//
// linkedom 0.18 also turns every class attribute it parses into a DOMTokenList (a Set, then
// the attribute rewritten from it), and answers every className read by joining that Set
// again: about a twentieth of extraction time, for lists nothing asks for. The list is made
// from the attribute when first used, and className reads the attribute (as the DOM
// standard says it reflects it).
//
// And tagName upper-cases the element's name on every read; Readability reads it for every
// element many times over. The upper-case forms are remembered.
//
// Readability 0.6 writes the whole page out as HTML before every article search, to parse it
// back in when a search finds too little and it tries again with looser rules (a tenth of
// pages). A copy of the page's nodes serves the same purpose for less than the writing out,
// and saves the parsing: about 4 % of extraction time. (The only difference seen on the
// corpus: one page's article HTML keeps a line break that a re-parse had dropped.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const patches = [
  {
    name: 'linkedom: event listener maps made on first use',
    files: ['node_modules/linkedom/esm/interface/event-target.js', 'node_modules/linkedom/cjs/interface/event-target.js'],
    edits: [
      ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {\n    // (cuttings: the listener map is made on first use)\n  }'],
      ['  addEventListener(type, listener, options) {\n    const map = wm.get(this);', '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);'],
      ['  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {', '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {'],
    ],
  },
  {
    name: 'linkedom: class lists made on first use',
    files: ['node_modules/linkedom/esm/shared/parse-from-string.js', 'node_modules/linkedom/cjs/shared/parse-from-string.js'],
    edits: [["  if (attribute.name === 'class')\n    element.className = value;\n", '  // (cuttings: the class list is made from the attribute on first use)\n']],
  },
  {
    name: 'linkedom: className reads the class attribute',
    files: ['node_modules/linkedom/esm/interface/element.js', 'node_modules/linkedom/cjs/interface/element.js'],
    edits: [["  get className() { return this.classList.value; }", "  get className() { const attribute = this.getAttributeNode('class'); return attribute ? attribute.value : ''; }"]],
  },
  {
    name: 'linkedom: upper-case tag names remembered',
    files: ['node_modules/linkedom/esm/shared/utils.js', 'node_modules/linkedom/cjs/shared/utils.js'],
    edits: [[
      '  return ownerDocument[MIME].ignoreCase ? localName.toUpperCase() : localName;',
      '  if (!ownerDocument[MIME].ignoreCase) return localName;\n  // (cuttings: upper-case forms remembered)\n  let upper = UPPER_NAMES.get(localName);\n  if (upper === undefined) {\n    upper = localName.toUpperCase();\n    if (UPPER_NAMES.size < 5000) UPPER_NAMES.set(localName, upper);\n  }\n  return upper;',
    ], [
      'const $String = String;',
      'const $String = String;\nconst UPPER_NAMES = new Map;',
    ]],
  },
  {
    name: "Readability: the page's nodes copied for its retries",
    files: ['node_modules/@mozilla/readability/Readability.js'],
    edits: [
      ['    var pageCacheHtml = page.innerHTML;\n', "    // (cuttings: the page's nodes are copied rather than written out as HTML)\n    var pageCache = page.cloneNode(true);\n"],
      ['        page.innerHTML = pageCacheHtml;\n', '        var pageCopy = pageCache.cloneNode(true);\n        while (page.firstChild) page.removeChild(page.firstChild);\n        while (pageCopy.firstChild) page.appendChild(pageCopy.firstChild);\n'],
    ],
  },
];

let problems = 0;
for (const patch of patches) {
  for (const rel of patch.files) {
    const file = path.join(root, rel);
    if (!fs.existsSync(file)) continue; // not installed (e.g. production-only install without it)
    let text = fs.readFileSync(file, 'utf8');
    const pending = patch.edits.filter(([, to]) => !text.includes(to));
    if (!pending.length) continue; // already applied
    const missing = pending.filter(([from]) => !text.includes(from));
    if (missing.length) {
      problems++;
      console.warn(`patch-dependencies: "${patch.name}" does not fit ${rel} (the dependency changed); left as it is.`);
      continue;
    }
    for (const [from, to] of pending) text = text.replace(from, to);
    fs.writeFileSync(file, text);
  }
}
// A patch that no longer fits is a performance loss, not a failure: the install goes on.
if (problems) console.warn('patch-dependencies: imports will be slower until the patch is updated (see scripts/patch-dependencies.mjs).');
