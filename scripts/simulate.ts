import { parseCli, HELP, UsageError } from './simulate/args';
import { simulate } from './simulate/cycle';
import { progressReporter } from './simulate/progress';
import { formatSummary } from './simulate/summary';

// npm run simulate -- --idp entra --url http://localhost:3000/api/scim/v2 --token rst_… (see --help)
let cli;
try {
  cli = parseCli(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`error: ${error.message}\nRun with --help for usage.`);
  process.exit(2);
}
if (cli.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const progress = progressReporter();
const result = await simulate({ ...cli.options, onProgress: progress.update });
progress.finish();
console.error(formatSummary(result));
if (cli.json) console.log(JSON.stringify(result, null, 2));
process.exit(result.errors === 0 && !result.stoppedEarly ? 0 : 1);
