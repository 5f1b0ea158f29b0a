#!/usr/bin/env node
// The `cuttings` command. Runs the TypeScript sources through tsx's loader, so the CLI
// needs no build step of its own.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
