import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import type { ChainDefinition } from '../../core/approvals/chain.ts';
import { rowsOf, type Database, type Db } from '../db/client.ts';
import type { Ctx } from '../kernel/context.ts';
import type { Config } from '../config.ts';
import type { Actor } from '../policies/actor.ts';
import { submitForApproval } from '../approvals/engine.ts';
import { defineApprovalProcess, registerApprovalProcess } from '../approvals/processes.ts';
import { defineApprovalSubject, registerApprovalSubject, type ApprovalOutcome } from '../approvals/subjects.ts';

/**
 * A TEST-ONLY approval subject ("测试事项") living in a table the tests create themselves, so
 * the approval engine can be exercised before any real module submits anything. It is never
 * part of the product: tests register it directly, and the server loads it only when started
 * with BIDFLOW_TEST_SUBJECTS=1 (browser tests), via `installApprovalTestSubjects`.
 */

export const TEST_SUBJECT_TYPE = 'test_item' as const;
export const TEST_PROCESS_CODE = 'test.item_review' as const;

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS test_approval_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  amount_fen bigint NOT NULL DEFAULT 0,
  margin_percent numeric(6,2) NOT NULL DEFAULT 0,
  region text,
  owner_id uuid,
  department_id uuid,
  version integer NOT NULL DEFAULT 1,
  decisions text NOT NULL DEFAULT ''
)`;

/** Creates the test table (idempotent). */
export async function createTestSubjectTable(db: Db): Promise<void> {
  await db.execute(sql.raw(CREATE_TABLE));
}

interface ItemRow {
  id: string;
  title: string;
  amount_fen: string | number;
  margin_percent: string;
  region: string | null;
  owner_id: string | null;
  department_id: string | null;
  version: number;
  decisions: string;
}

async function loadItem(db: Db, id: string): Promise<ItemRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return rowsOf<ItemRow>(await db.execute(sql`SELECT * FROM test_approval_items WHERE id = ${id}`))[0] ?? null;
}

/** The default chain of the test process: the requester's manager, then any sales director. */
export const TEST_DEFAULT_CHAIN: ChainDefinition = {
  resubmitFrom: 'first',
  steps: [
    { name: '直属上级审批', approver: { type: 'manager' }, mode: 'any', condition: null, deadlinePolicy: null },
    { name: '市场总监审批', approver: { type: 'role', roleCode: 'sales_director' }, mode: 'any', condition: null, deadlinePolicy: null },
  ],
};

const subject = defineApprovalSubject<typeof TEST_SUBJECT_TYPE, typeof TEST_PROCESS_CODE>({
  type: TEST_SUBJECT_TYPE,
  labelZh: '测试事项',
  labelEn: 'Test item',
  fields: [
    { key: 'title', labelZh: '标题', labelEn: 'Title', type: 'text' as const },
    { key: 'amountFen', labelZh: '金额', labelEn: 'Amount', type: 'money' as const },
    { key: 'marginPercent', labelZh: '毛利率（%）', labelEn: 'Margin (%)', type: 'percent' as const },
    {
      key: 'region',
      labelZh: '区域',
      labelEn: 'Region',
      type: 'enum' as const,
      options: [
        { value: '华东', labelZh: '华东', labelEn: 'East' },
        { value: '华北', labelZh: '华北', labelEn: 'North' },
      ],
    },
  ],
  async load(db: Db, id: string) {
    const row = await loadItem(db, id);
    if (!row) return null;
    return {
      version: row.version,
      data: { title: row.title, amountFen: Number(row.amount_fen), marginPercent: Number(row.margin_percent), region: row.region },
      ownerUserId: row.owner_id,
      departmentId: row.department_id,
      title: row.title,
    };
  },
  /** records each outcome, proving the hook runs inside the deciding transaction */
  async onDecision(tx: Db, _ctx: Ctx, request: { subjectId: string }, outcome: ApprovalOutcome) {
    await tx.execute(sql`UPDATE test_approval_items SET decisions = decisions || ${`${outcome};`} WHERE id = ${request.subjectId}`);
  },
});

export const testProcess = defineApprovalProcess({
  code: TEST_PROCESS_CODE,
  labelZh: '测试事项审批',
  labelEn: 'Test item review',
  subjectType: TEST_SUBJECT_TYPE,
  defaultChain: TEST_DEFAULT_CHAIN,
});

/** Registers the test subject type and the test process (idempotent). */
export function registerTestApprovalSubject(): void {
  registerApprovalSubject(subject);
  registerApprovalProcess(testProcess);
}

export interface TestItemInput {
  title: string;
  amountFen?: number;
  marginPercent?: number;
  region?: string | null;
  ownerId?: string | null;
}

export async function createTestItem(db: Db, input: TestItemInput): Promise<string> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
    INSERT INTO test_approval_items (title, amount_fen, margin_percent, region, owner_id)
    VALUES (${input.title}, ${input.amountFen ?? 0}, ${input.marginPercent ?? 0}, ${input.region ?? null}, ${input.ownerId ?? null})
    RETURNING id`),
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('test item not created');
  return id;
}

/** Edits a test item and bumps its version (what a module's update would do). */
export async function updateTestItem(db: Db, id: string, patch: Partial<TestItemInput>): Promise<number> {
  const rows = rowsOf<{ version: number }>(
    await db.execute(sql`
    UPDATE test_approval_items SET
      title = coalesce(${patch.title ?? null}, title),
      amount_fen = coalesce(${patch.amountFen ?? null}::bigint, amount_fen),
      margin_percent = coalesce(${patch.marginPercent ?? null}::numeric, margin_percent),
      region = coalesce(${patch.region ?? null}, region),
      version = version + 1
    WHERE id = ${id} RETURNING version`),
  );
  const v = rows[0]?.version;
  if (v === undefined) throw new Error('test item not found');
  return v;
}

export async function testItemDecisions(db: Db, id: string): Promise<string[]> {
  const row = rowsOf<{ decisions: string }>(await db.execute(sql`SELECT decisions FROM test_approval_items WHERE id = ${id}`))[0];
  return (row?.decisions ?? '').split(';').filter(Boolean);
}

/** Submits a test item for approval as `actor`, the way a module's own command would. */
export async function submitTestItem(db: Db, actor: Actor, now: Date, config: Config, itemId: string, title: string): Promise<string> {
  return db.transaction(async (tx) => {
    const ctx: Ctx = { db: tx, actor, now, config };
    return submitForApproval(tx, ctx, { process: testProcess, subjectId: itemId, title });
  });
}

const ItemBody = z.object({
  title: z.string().trim().min(1).max(100),
  amountFen: z.number().int().min(0).optional(),
  marginPercent: z.number().min(-100).max(100).optional(),
  region: z.string().max(20).nullable().optional(),
});

/**
 * For the browser tests only (server started with BIDFLOW_TEST_SUBJECTS=1): creates the test
 * table, registers the test process, and mounts /api/test-support/approval-items to create and
 * submit an item and to edit it. Must be called before the app starts listening.
 */
export async function installApprovalTestSubjects(app: FastifyInstance, database: Database, config: Config): Promise<void> {
  await createTestSubjectTable(database.db);
  registerTestApprovalSubject();
  const db = database.db;
  await app.register(
    async (plain) => {
      const api = plain.withTypeProvider<ZodTypeProvider>();
      api.post(
        '/approval-items',
        {
          config: { access: 'authenticated' },
          schema: { hide: true, body: ItemBody },
        },
        async (req) => {
          const actor = req.actor;
          const id = await createTestItem(db, { ...req.body, ownerId: actor.userId });
          const requestId = await submitTestItem(db, actor, new Date(), config, id, req.body.title);
          return { itemId: id, requestId };
        },
      );
      api.patch(
        '/approval-items/:id',
        {
          config: { access: 'authenticated' },
          schema: { hide: true, params: z.object({ id: z.string().uuid() }), body: ItemBody.partial() },
        },
        async (req) => {
          const item = await loadItem(db, req.params.id);
          if (!item || item.owner_id !== req.actor.userId) throw new AppError('not_found');
          const version = await updateTestItem(db, req.params.id, req.body);
          return { version };
        },
      );
    },
    { prefix: '/api/test-support' },
  );
}
