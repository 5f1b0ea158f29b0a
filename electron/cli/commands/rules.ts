// `cuttings rules [SITE]` lists the corrections remembered per site (applied to that site's new
// imports); `cuttings rules delete ID` deletes one. Rules are made in the window, where a
// correction made on two clips of a site is offered as one.
import { UsageError, plural, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';
import type { SiteRule } from '../../api.ts';

const FIELD: Record<SiteRule['field'], string> = { title: 'headline', author: 'byline', source: 'outlet', publishedAt: 'date', url: 'link' };

/** "drop the byline “BBC News”", as the window says it. */
function ruleText(r: SiteRule): string {
  const q = (v: string | null) => `“${terminalSafe(v)}”`;
  if (r.action === 'drop') return `drop the ${FIELD[r.field]} ${q(r.match)}`;
  if (r.action === 'replace') return `replace the ${FIELD[r.field]} ${q(r.match)} with ${q(r.value)}`;
  return `set the ${FIELD[r.field]} to ${q(r.value)}`;
}

export const rulesCommand: LibraryCommand = {
  name: 'rules',
  args: '[SITE] | delete ID',
  summary: 'List the corrections remembered per site, or delete one',
  library: 'open',
  flags: [],
  async run({ io, input, call }) {
    const [first, second, ...rest] = input.positional;
    if (first === 'delete') {
      if (second === undefined || rest.length) throw new UsageError('rules delete needs one rule number (see `cuttings rules`)');
      const r = await call('deleteSiteRule', { id: second });
      if (input.json) printJson(io, r);
      else if (!r.rule) {
        io.err(`There is no site rule ${terminalSafe(second)}.`);
        return 1;
      } else io.out(`Deleted the rule for ${terminalSafe(r.rule.site)}: ${ruleText(r.rule)}`);
      return 0;
    }
    if (second !== undefined) throw new UsageError('rules takes at most one site (or: rules delete ID)');
    const rules = await call('listSiteRules', first === undefined ? {} : { site: first });
    if (input.json) printJson(io, rules);
    else {
      io.out(plural(rules.length, 'site rule'));
      for (const r of rules) io.out(`${String(r.id).padStart(5)}  ${terminalSafe(r.site)}: ${ruleText(r)}`);
    }
    return 0;
  },
};
