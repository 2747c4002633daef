// The shape every benchmark has: it builds its own world, prints its tables as it goes, and returns the lines the
// runner repeats in the closing summary. A line may carry a goal (issue 18: figures beside their goals); the runner
// exits non-zero when a goal is missed. Benchmarks are never timed tests: their goals are counts and ratios.
export interface SummaryLine {
  /** what is being claimed or measured, e.g. "consumer invocations for one comment to 50 tickets" */
  figure: string;
  /** what was measured, with its reference, e.g. "1 (must be 1)" */
  measured: string;
  /** the goal the figure is held to, and whether the measurement meets it */
  goal?: { text: string; met: boolean };
}

export interface Benchmark {
  name: string;
  /** the backlog issue it measures, e.g. "issue 6" */
  issue: string;
  title: string;
  run(print: (text: string) => void): Promise<SummaryLine[]>;
}
