// Every time a request or a reply broke the OpenAPI contract, for tests (`contractViolations()`) and the console.
export type ViolationKind =
  /** the app sent something the document rejects */
  | 'request'
  /** the emulator itself produced a reply the document rejects: an emulator bug, answered with 500 */
  | 'response'
  /** the app called a real Brevo operation the emulator does not implement */
  | 'unimplemented';

export interface ContractViolation {
  kind: ViolationKind;
  operationId: string | null;
  method: string;
  /** below /v3 */
  path: string;
  status: number;
  messages: string[];
  at: string;
}

export class ViolationLog {
  private readonly entries: ContractViolation[] = [];

  record(violation: ContractViolation): void {
    this.entries.push(violation);
    if (violation.kind !== 'request') {
      // Loud on purpose: these mean the emulator, not the app, is wrong or incomplete.
      console.error(`[brevo-emulator] ${violation.kind} contract violation`, violation);
    }
  }

  list(): ContractViolation[] {
    return this.entries.map((entry) => ({ ...entry, messages: [...entry.messages] }));
  }

  clear(): void {
    this.entries.length = 0;
  }
}
