// Generates src/generated/messages.ts from spec/schemas at build time: one TypeScript type per
// message schema, with the wire's snake_case names kept as they are (the reason for
// json-schema-to-typescript: Modelina's TypeScript output renames members).
import { compile } from 'json-schema-to-typescript';
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const schemaDir = join(here, '../../../spec/schemas');
const out = join(here, '../src/generated/messages.ts');

/** The message schemas: every file of spec/schemas but the shared definitions. */
export function messageSchemas() {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.json') && f !== 'defs.json')
    .sort()
    .map((file) => ({ file, title: JSON.parse(readFileSync(join(schemaDir, file), 'utf8')).title }));
}

export async function generate() {
  const schemas = messageSchemas();
  // One root that refers to every message, so that shared definitions (Recipient) are declared once.
  const root = {
    title: 'LonglinkMessages',
    type: 'object',
    properties: Object.fromEntries(schemas.map((s) => [s.title, { $ref: `./${s.file}` }])),
    additionalProperties: false,
  };
  const ts = await compile(root, 'LonglinkMessages', {
    cwd: schemaDir,
    bannerComment: '/* Generated from spec/schemas by scripts/schema-types.mjs at build time; not committed. */',
    additionalProperties: false,
    strictIndexSignatures: true,
    format: false,
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, ts);
  return schemas;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const schemas = await generate();
  console.log(`schema-types: ${schemas.length} message types in src/generated/messages.ts`);
}
