// npm run schedule -- --input day.json [--output out.json] [--seed N] [--budget N] [--no-bounds] [--mip]
//
// Plans a roadshow day's 1:1 meetings (docs/roadshows.md, "Scheduler") and prints the schedule,
// the unscheduled meetings with their reasons, and the HiGHS bounds with the achieved ratio.
// Exits 2 on an invalid day (SchedulerInputError: code and field on stderr), 1 on other failures.
import { readFileSync, writeFileSync } from 'node:fs';
import { SchedulerInputError, schedule, scheduleWithBounds, type DayInput } from '@app/roadshows';

function arg(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].split('=').slice(1).join('=') : args[i + 1];
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);

async function main(): Promise<void> {
  const input = arg('input');
  if (!input) throw new Error('usage: npm run schedule -- --input day.json [--output out.json] [--seed N]');
  const day = JSON.parse(readFileSync(input, 'utf8')) as DayInput;
  const options = {
    seed: arg('seed') === undefined ? undefined : Number(arg('seed')),
    budget: arg('budget') === undefined ? undefined : Number(arg('budget')),
    mip: flag('mip') ? true : ('auto' as const),
  };
  const result = flag('no-bounds') ? schedule(day, options) : await scheduleWithBounds(day, options);
  const json = JSON.stringify(result, null, 2);
  const output = arg('output');
  if (output) writeFileSync(output, json + '\n');
  else process.stdout.write(json + '\n');
  process.stderr.write(`scheduled ${result.stats.meetings}/${day.meetings.length}, breaks ${result.stats.breaks}\n`);
}

main().catch((e: unknown) => {
  if (e instanceof SchedulerInputError) {
    process.stderr.write(`${JSON.stringify({ code: e.code, field: e.field, message: e.message })}\n`);
    process.exit(2);
  }
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
