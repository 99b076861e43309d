import type { approvalChains, approvalRequests, approvalSteps, approvalTasks } from '../db/schema.ts';

/** The stored rows of the approval tables, as the engine's functions pass them around. */

export type RequestRow = typeof approvalRequests.$inferSelect;
export type StepRow = typeof approvalSteps.$inferSelect;
export type TaskRow = typeof approvalTasks.$inferSelect;
export type ChainRow = typeof approvalChains.$inferSelect;
