import { HELP, parseBenchArgs, type BenchArgs } from './bench/args';
import { runBench } from './bench/run';

// npm run bench [-- --quick --no-build --pglite] (see --help); npm run bench:smoke for CI.
let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`error: ${(error as Error).message}\nRun with --help for usage.`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
// Ctrl-C: exit through process.exit so the server (its own process group) is stopped too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
try {
  process.exit(await runBench(args));
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
