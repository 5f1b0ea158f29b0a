#!/usr/bin/env node
// Runs a TypeScript entry point of the project (benchmarks, scripts) through tsx's loader.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const entry = process.argv[2];
if (!entry) {
  console.error('usage: run-ts.mjs FILE.ts [args…]');
  process.exit(2);
}
process.argv.splice(1, 1); // so the entry sees its own arguments at argv[2…]
await import(pathToFileURL(path.resolve(entry)).href);
