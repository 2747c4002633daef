// The shape every benchmark has: it builds its own world, prints its tables as it goes, and returns the lines the
// runner repeats in the closing summary. Benchmarks print figures; they never pass or fail on them.
export interface SummaryLine {
  /** what is being claimed or measured, e.g. "consumer invocations for one comment to 50 tickets" */
  figure: string;
  /** what was measured, with its reference, e.g. "1 (must be 1)" */
  measured: string;
}

export interface Benchmark {
  name: string;
  /** the backlog issue it measures, e.g. "issue 6" */
  issue: string;
  title: string;
  run(print: (text: string) => void): Promise<SummaryLine[]>;
}
