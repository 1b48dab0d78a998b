import { defineConfig } from 'tsup';

/**
 * Two builds that run side by side:
 * - the library (`.` and `./testing` exports, plus the batch worker): ESM + CJS, with `.d.ts`
 *   for ESM and `.d.cts` for CJS so that both resolution modes get matching types;
 * - the CLI: ESM only (package.json `bin` points at dist/cli.js), with a shebang banner.
 * tsup runs the configs in parallel, so each one cleans only the files the other does not
 * write (a plain `clean: true` in one could delete the other's fresh output).
 */
const common = {
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  splitting: false,
  shims: true,
} as const;

export default defineConfig([
  {
    ...common,
    name: 'lib',
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      worker: 'src/batch/worker.ts',
    },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } },
    clean: ['!cli.js', '!cli.js.map'],
  },
  {
    ...common,
    name: 'cli',
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    clean: ['!index.*', '!testing.*', '!worker.*', '!*.d.ts', '!*.d.cts', '!*.d.mts'],
  },
]);
