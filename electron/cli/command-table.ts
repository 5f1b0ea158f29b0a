// THE table of CLI commands, in the order help lists them. Help, the list of known commands,
// flag parsing and dispatch are all read from here; adding a command is adding a row.
import type { Command } from './command.ts';
import { apiCommand } from './commands/api.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { citeCommand } from './commands/cite.ts';
import { exportCommand } from './commands/export.ts';
import { entitiesCommand } from './commands/entities.ts';
import { extractCommand } from './commands/extract.ts';
import { highlightCommand, highlightsCommand } from './commands/highlights.ts';
import { hubCommand } from './commands/hub.ts';
import { importCommand } from './commands/import.ts';
import { outletsCommand } from './commands/outlets.ts';
import { listCommand, searchCommand, showCommand, tagsCommand, timelineCommand } from './commands/reading.ts';
import { reextractCommand } from './commands/reextract.ts';
import { reviewCommand } from './commands/review.ts';
import { rulesCommand } from './commands/rules.ts';
import { serveCommand } from './commands/serve.ts';
import { storiesCommand } from './commands/stories.ts';
import { historyCommand, syncCommand } from './commands/sync.ts';
import { tagCommand, untagCommand } from './commands/tagging.ts';

export const COMMANDS: readonly Command[] = [
  importCommand,
  extractCommand,
  searchCommand,
  listCommand,
  showCommand,
  tagCommand,
  untagCommand,
  highlightCommand,
  highlightsCommand,
  tagsCommand,
  outletsCommand,
  storiesCommand,
  entitiesCommand,
  timelineCommand,
  reextractCommand,
  rulesCommand,
  citeCommand,
  exportCommand,
  reviewCommand,
  backupCommand,
  restoreCommand,
  serveCommand,
  hubCommand,
  syncCommand,
  historyCommand,
  apiCommand,
];

export function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
