// The build: message types from spec/schemas, a strict type check that also writes the .d.ts
// files, then the two bundles (CommonJS for a mini program's "build npm", ESM for the rest).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './schema-types.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const schemas = await generate();
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
const common = { entryPoints: [join(root, 'src/index.ts')], bundle: true, target: 'es2017', platform: 'neutral', logLevel: 'warning' };
await build({ ...common, format: 'cjs', outfile: join(root, 'dist/index.cjs') });
await build({ ...common, format: 'esm', outfile: join(root, 'dist/index.mjs') });
console.log(`build: ${schemas.length} message types, dist/index.cjs, dist/index.mjs, dist/index.d.ts`);
