// The heading of a connection test in words: how many checks failed, passed and did not run, counted apart, because
// a check that was never run (an earlier one failed) says nothing about the setting it covers (issue 20).
import type { ConnectionCheck } from '../api';

export type CheckOutcome = 'passed' | 'failed' | 'not-checked';

export function outcomeOf(check: ConnectionCheck): CheckOutcome {
  if (check.ok) return 'passed';
  return check.notChecked === true ? 'not-checked' : 'failed';
}

export interface ConnectionSummary {
  allPassed: boolean;
  /** e.g. "1 check failed, 1 passed, 4 not checked" */
  title: string;
}

export function connectionSummary(checks: readonly ConnectionCheck[]): ConnectionSummary {
  const count = (outcome: CheckOutcome) => checks.filter((check) => outcomeOf(check) === outcome).length;
  const failed = count('failed');
  const passed = count('passed');
  const notChecked = count('not-checked');
  if (failed === 0 && notChecked === 0) return { allPassed: true, title: 'All checks passed' };
  const parts = [
    ...(failed > 0 ? [`${failed} ${failed === 1 ? 'check' : 'checks'} failed`] : []),
    ...(passed > 0 ? [`${passed} passed`] : []),
    ...(notChecked > 0 ? [`${notChecked} not checked`] : []),
  ];
  return { allPassed: false, title: parts.join(', ') };
}
