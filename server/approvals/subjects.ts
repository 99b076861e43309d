import type { Db } from '../db/client.ts';
import type { Ctx } from '../kernel/context.ts';
import type { RequestState } from '../../core/approvals/engine.ts';
import type { SUBJECT_FIELD_TYPES } from '../../core/approvals/approvals.schema.ts';

/**
 * Subject types (审批对象): each module declares what it submits for approval — how to load
 * the current version and data of a record (the snapshot approvers review, and the "changed
 * since" comparison), and what to do when a request is decided. The engine itself knows no
 * module.
 */

export interface ApprovalSubjectData {
  /** the record's optimistic-lock version; approval is refused when it moved on */
  version: number;
  /** what approvers see: plain JSON (money as integer fen or numeric strings) */
  data: Record<string, unknown>;
  ownerUserId: string | null;
  departmentId: string | null;
  title: string;
}

export type ApprovalOutcome = 'approved' | 'rejected' | 'returned' | 'withdrawn';

/** What a subject type's decision hook learns about the request. */
export interface ApprovalRequestInfo<C extends string = string, S extends string = string> {
  id: string;
  processCode: C;
  subjectType: S;
  subjectId: string;
  subjectVersion: number;
  requesterId: string;
  title: string;
  state: RequestState;
  round: number;
}

/** A snapshot field's label and display type, for the description list and the condition builder. */
export interface ApprovalSubjectField {
  key: string;
  labelZh: string;
  labelEn: string;
  type: (typeof SUBJECT_FIELD_TYPES)[number];
  options?: Array<{ value: string; labelZh: string; labelEn: string }>;
}

/**
 * A subject type. `S` is its type and `C` the codes of the processes that review it, as literal
 * types when made with `defineApprovalSubject`: the decision hook then sees `request.processCode`
 * as that union, and its switches over the code and over the outcome can be exhaustive.
 */
export interface ApprovalSubjectType<S extends string = string, C extends string = string> {
  type: S;
  labelZh: string;
  labelEn: string;
  /** the record's current version and data, or null when it does not exist */
  load(db: Db, id: string): Promise<ApprovalSubjectData | null>;
  /**
   * Called inside the deciding transaction when a request ends or is returned (e.g. mark the
   * quote approved, unlock it for editing). Throwing aborts the action.
   */
  onDecision?(tx: Db, ctx: Ctx, request: ApprovalRequestInfo<C, S>, outcome: ApprovalOutcome): Promise<void>;
  /** labels of snapshot fields; unlisted fields are shown by key */
  fields?: ApprovalSubjectField[];
  /** the record's page in the web app */
  link?(id: string): string;
}

/**
 * Declares a subject type (module definitions list it in `approvalSubjects`; installModules
 * registers it). Name the process codes it handles to type its decision hook:
 * `defineApprovalSubject<typeof QUOTE_SUBJECT, ProcessCodeOf<typeof quoteProcesses>>({ ... })`.
 */
export function defineApprovalSubject<const S extends string, const C extends string = string>(
  subject: ApprovalSubjectType<S, C>,
): ApprovalSubjectType<S, C> {
  return subject;
}

const SUBJECTS = new Map<string, ApprovalSubjectType>();

/** installModules calls this for every module's `approvalSubjects`; a second, different registration of a type is a bug. */
export function registerApprovalSubject(subject: ApprovalSubjectType): void {
  const existing = SUBJECTS.get(subject.type);
  if (existing && existing !== subject) throw new Error(`approval subject type "${subject.type}" is already registered`);
  SUBJECTS.set(subject.type, subject);
}

export function getApprovalSubject(type: string): ApprovalSubjectType | undefined {
  return SUBJECTS.get(type);
}

/** The subject type of a stored request; a request of an unknown type is a deployment error. */
export function requireApprovalSubject(type: string): ApprovalSubjectType {
  const s = SUBJECTS.get(type);
  if (!s) throw new Error(`approval subject type "${type}" is not registered`);
  return s;
}
