// The log of contract violations: requests the spec refuses, replies of the emulator's own that break it, and real
// Jira operations the emulator does not implement (the last two are emulator bugs and printed loudly).
export type ViolationKind =
  /** the app sent something the Jira spec (or the ADF schema) rejects */
  | 'request'
  /** the emulator itself produced a body the spec rejects: an emulator bug, answered with 500 */
  | 'response'
  /** the app called a real Jira operation the emulator does not implement */
  | 'unimplemented';

export interface ContractViolation {
  kind: ViolationKind;
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  messages: string[];
  at: string;
}

export class ViolationLog {
  private readonly entries: ContractViolation[] = [];

  record(violation: Omit<ContractViolation, 'at'>): void {
    this.entries.push({ ...violation, at: new Date().toISOString() });
    if (violation.kind !== 'request') {
      // Loud on purpose: these mean the emulator, not the app, is wrong or incomplete.
      console.error(`[jira-emulator] ${violation.kind} contract violation`, violation);
    }
  }

  list(): ContractViolation[] {
    return this.entries.map((entry) => ({ ...entry, messages: [...entry.messages] }));
  }

  clear(): void {
    this.entries.length = 0;
  }
}
