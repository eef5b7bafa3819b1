import { build, type Plugin } from 'esbuild';

/**
 * Bundles server/production-server.ts into dist/production-server.mjs, so `npm start` is plain
 * node: no tsx (a dev dependency) and no TypeScript at run time. Our code is bundled (`@/` paths
 * resolve through tsconfig paths); packages stay in node_modules, so the server and Next's own
 * bundle load the same postgres, PGlite and drizzle from there.
 */

// Our lib files `import 'server-only'`, which throws unless loaded under the react-server
// condition (Next's server bundle). Outside Next it only needs to be a no-op.
const serverOnlyIsEmpty: Plugin = {
  name: 'server-only-is-empty',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

const result = await build({
  entryPoints: ['server/production-server.ts'],
  outfile: 'dist/production-server.mjs',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  plugins: [serverOnlyIsEmpty],
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`built dist/production-server.mjs (${Math.round(bytes / 1024)} KiB with its source map)`);
