// `cuttings hub --database URL`: serves a team library from PostgreSQL until Ctrl+C.
// `cuttings hub add-member NAME --database URL [--read-only]` prints the new member's token;
// `cuttings hub members --database URL` lists who may use the hub, and `hub remove-member NAME`
// takes one off it. None opens a local library:
// the hub's state is all in the database.
import { addMember, hubMembers, removeMember } from '../../hub/hub-admin.ts';
import { checkDatabaseUrl } from '../../hub/hub-database.ts';
import { MemberError } from '../../hub/members.ts';
import { startHub, startupError } from '../../hub/hub-server.ts';
import { UsageError, plural, type CommandContext, type PlainCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';

function databaseUrl({ input }: CommandContext): string {
  const url = input.value('database') ?? process.env.CUTTINGS_HUB_DATABASE;
  if (!url) throw new UsageError('hub needs the PostgreSQL database to keep the team library in: --database postgres://USER@HOST/DB', 'hub');
  checkDatabaseUrl(url);
  return url;
}

async function serve(ctx: CommandContext): Promise<number> {
  const { io, input } = ctx;
  const url = databaseUrl(ctx);
  const port = input.value('port');
  const hub = await startHub({ databaseUrl: url, host: input.value('host') ?? '127.0.0.1', port: port ? Number(port) : 0 });
  io.out(`Cuttings hub at ${hub.url}`);
  io.err('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await hub.close();
  return 0;
}

async function add(ctx: CommandContext, name: string | undefined): Promise<number> {
  const { io, input } = ctx;
  if (!name) throw new UsageError('hub add-member needs the new member\'s name', 'hub');
  const url = databaseUrl(ctx);
  const role = input.has('read-only') ? 'reader' : 'editor';
  const token = await addMember(url, name, role).catch((e: unknown) => {
    throw e instanceof MemberError ? e : startupError(url, e);
  });
  if (input.json) printJson(io, { member: name.trim(), role, token });
  else io.out(token);
  io.err(`This is ${terminalSafe(name.trim())}'s token (${role === 'reader' ? 'read-only' : 'editor'}). It is shown this once: the hub keeps only its hash.`);
  return 0;
}

async function remove(ctx: CommandContext, name: string | undefined): Promise<number> {
  const { io, input } = ctx;
  if (!name) throw new UsageError("hub remove-member needs the member's name", 'hub');
  const url = databaseUrl(ctx);
  const removed = await removeMember(url, name).catch((e: unknown) => {
    throw startupError(url, e);
  });
  if (!removed) throw new MemberError(`the hub has no member called "${terminalSafe(name.trim())}" (hub members lists them)`);
  if (input.json) printJson(io, { removed: removed.id, privateValues: removed.privateValues });
  else {
    io.out(`Removed ${terminalSafe(removed.id)}: their token no longer works. What they shared stays with the team.`);
    if (removed.privateValues) io.out(`Their private notes and highlights (${plural(removed.privateValues, 'value')}) were removed with them.`);
  }
  return 0;
}

async function members(ctx: CommandContext): Promise<number> {
  const { io, input } = ctx;
  const url = databaseUrl(ctx);
  const list = await hubMembers(url).catch((e: unknown) => {
    throw startupError(url, e);
  });
  if (input.json) printJson(io, list);
  else {
    io.out(plural(list.length, 'member'));
    for (const m of list) io.out(`  ${terminalSafe(m.id)}  ${m.role === 'reader' ? 'read-only' : 'editor'}  since ${m.createdAt.slice(0, 10)}`);
  }
  return 0;
}

export const hubCommand: PlainCommand = {
  name: 'hub',
  args: '[add-member NAME | remove-member NAME | members]',
  summary: 'Serve a team library kept in PostgreSQL (or add and list its members)',
  library: 'none',
  flags: [
    { name: 'database', kind: 'value', value: 'URL', help: 'The PostgreSQL database, postgres://USER:PASSWORD@HOST:5432/DB (default: $CUTTINGS_HUB_DATABASE)' },
    { name: 'port', kind: 'value', value: 'N', whole: true, help: 'The port to serve on (default: any free one)' },
    { name: 'host', kind: 'value', value: 'HOST', help: 'The address to serve on (default 127.0.0.1; put TLS in front with a reverse proxy)' },
    { name: 'read-only', kind: 'switch', help: 'add-member: the member can read the team library but not change it' },
  ],
  async run(ctx) {
    const [sub, name, ...rest] = ctx.input.positional;
    const extra = sub === 'add-member' || sub === 'remove-member' ? rest : name !== undefined ? [name, ...rest] : [];
    if (extra.length) throw new UsageError(`hub does not take "${terminalSafe(extra[0])}" here`, 'hub');
    if (sub !== undefined && sub !== 'add-member' && sub !== 'remove-member' && sub !== 'members') {
      throw new UsageError(`hub has no "${terminalSafe(sub)}": use \`hub\`, \`hub add-member NAME\`, \`hub remove-member NAME\` or \`hub members\``, 'hub');
    }
    if (ctx.input.has('read-only') && sub !== 'add-member') throw new UsageError('--read-only goes with `hub add-member NAME`', 'hub');
    // What goes wrong from here (a bad URL, a database that cannot be reached) is said as
    // `cuttings: …` with status 1 by the CLI's runner.
    if (sub === 'add-member') return add(ctx, name);
    if (sub === 'remove-member') return remove(ctx, name);
    if (sub === 'members') return members(ctx);
    return serve(ctx);
  },
};
