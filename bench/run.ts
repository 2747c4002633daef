// Runs the benchmarks: `npx tsx bench/run.ts [name…]` (all of them without a name). Each prints its tables; the
// run ends with a summary of every benchmark's headline figures beside their goals. The exit code is non-zero when a
// benchmark could not run or a figure missed its goal.
import { installForgeGlobals } from '../sandbox/runtime/globals';

// Before any Forge SDK loads (the world's store and the app's handlers load @forge/kvs and @forge/api, which capture
// the runtime globals when they load); the benchmarks are therefore imported only after this call.
installForgeGlobals();

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function main(names: readonly string[]): Promise<number> {
  const [{ BENCHMARKS: CATALOG }, { brevo }, { ConsoleCapture }, { seconds, renderTable }] =
    await Promise.all([
      import('./catalog.js'),
      import('./brevo.js'),
      import('./support/measure.js'),
      import('./support/report.js'),
    ]);
  // Issue 16's benchmark, after the catalog's.
  const BENCHMARKS = [...CATALOG, brevo];
  const unknown = names.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    print(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}.`);
    return 2;
  }
  const selected = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => names.includes(b.name));
  const summary: Array<[string, string, string, string]> = [];
  let failed = false;
  let missed = 0;
  for (const benchmark of selected) {
    print(`\n=== ${benchmark.name} (${benchmark.issue}): ${benchmark.title}\n`);
    const appConsole = new ConsoleCapture();
    const started = performance.now();
    appConsole.start();
    try {
      const lines = await benchmark.run((text) => print(`${text}\n`));
      for (const line of lines) {
        if (line.goal && !line.goal.met) missed += 1;
        summary.push([
          benchmark.name,
          line.figure,
          line.measured,
          line.goal ? `${line.goal.text} ${line.goal.met ? '✓' : '✗ MISSED'}` : '—',
        ]);
      }
    } catch (error) {
      failed = true;
      print(
        `Benchmark ${benchmark.name} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      summary.push([
        benchmark.name,
        'could not run',
        error instanceof Error ? error.message : String(error),
        '—',
      ]);
    } finally {
      appConsole.stop();
    }
    const { counts } = appConsole;
    print(
      `(${benchmark.name}: ${seconds(performance.now() - started)} real time; the app wrote ${counts.info} info, ` +
        `${counts.warn} warn and ${counts.error} error line(s) to the console)`,
    );
    for (const sample of appConsole.samples) print(`  ${sample}`);
  }
  print(
    `\n${renderTable({ title: '=== Summary', headers: ['benchmark', 'figure', 'measured', 'goal'], rows: summary })}`,
  );
  if (missed > 0) print(`${missed} figure(s) missed their goal.`);
  return failed || missed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    print(
      `The benchmark runner failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  },
);
