import type { ChainDefinition } from '../../core/approvals/chain.ts';
import { ChainDefinitionSchema } from '../../core/approvals/approvals.schema.ts';

/**
 * Approval processes (审批流程): each module declares the processes it runs (e.g. 报价审批)
 * with the subject type they review and a default chain. Administrators then edit the chain;
 * the default is used until they do.
 */
export interface ApprovalProcess<C extends string = string, S extends string = string> {
  code: C;
  labelZh: string;
  labelEn: string;
  subjectType: S;
  defaultChain: ChainDefinition;
}

/**
 * Declares a process with its code and subject type as literal types, so a module's codes form a
 * union (`ProcessCodeOf<typeof myProcesses>`) its decision hook can switch over exhaustively, and
 * `submitForApproval({ process })` cannot name a process or subject type that does not exist.
 * The value goes into the module definition's `approvalProcesses` (registered by installModules).
 */
export function defineApprovalProcess<const C extends string, const S extends string>(
  process: ApprovalProcess<C, S>,
): ApprovalProcess<C, S> {
  return process;
}

/** The union of the codes of a list of processes. */
export type ProcessCodeOf<L extends readonly ApprovalProcess[]> = L[number]['code'];

const PROCESSES = new Map<string, ApprovalProcess>();
const REGISTERED = new Map<string, ApprovalProcess>();

/** Registers a process; its default chain must be a valid chain. */
export function registerApprovalProcess(process: ApprovalProcess): void {
  const existing = REGISTERED.get(process.code);
  if (existing && existing !== process) throw new Error(`approval process "${process.code}" is already registered`);
  const parsed = ChainDefinitionSchema.safeParse(process.defaultChain);
  if (!parsed.success) throw new Error(`approval process "${process.code}": invalid default chain: ${parsed.error.message}`);
  REGISTERED.set(process.code, process);
  PROCESSES.set(process.code, { ...process, defaultChain: parsed.data });
}

export function getApprovalProcess(code: string): ApprovalProcess | undefined {
  return PROCESSES.get(code);
}

/** Every registered process, ordered by code. */
export function listApprovalProcesses(): ApprovalProcess[] {
  return [...PROCESSES.values()].sort((a, b) => a.code.localeCompare(b.code));
}
