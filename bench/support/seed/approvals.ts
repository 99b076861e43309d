/**
 * Pending registration approvals (立项审批) on 1 % of the projects, waiting for the marketing
 * managers: request, round, active step and one task per marketing manager.
 */
import { sql } from 'drizzle-orm';
import { approvalChains } from '../../../server/db/schema.ts';
import { listApprovalProcesses } from '../../../server/approvals/processes.ts';
import { ensureChain } from '../../../server/approvals/requests.ts';
import type { SeedContext } from './context.ts';
import { U, count, exec, lit, raw } from './sql.ts';

export async function seedPendingApprovals(ctx: SeedContext): Promise<number> {
  const { db, now, nowSql: NOW, stages } = ctx;
  const S = stages.codes;
  const process =
    listApprovalProcesses().find((p) => p.subjectType === 'project' && /regist/.test(p.code)) ??
    listApprovalProcesses().find((p) => p.subjectType === 'project');
  let chainId: string;
  let chainVersion: number;
  let processCode: string;
  if (process) {
    const chain = await ensureChain(db, process, now);
    chainId = chain.id;
    chainVersion = chain.version;
    processCode = process.code;
  } else {
    processCode = 'bench.project_registration';
    const [row] = await db
      .insert(approvalChains)
      .values({
        processCode,
        version: 1,
        createdAt: now,
        note: 'benchmark',
        definition: {
          resubmitFrom: 'first',
          steps: [
            {
              name: '市场部经理审批',
              approver: { type: 'role', roleCode: 'marketing_manager' },
              mode: 'any',
              condition: null,
              deadlinePolicy: null,
            },
          ],
        },
      })
      .returning({ id: approvalChains.id });
    if (!row) throw new Error('approval chain');
    chainId = row.id;
    chainVersion = 1;
  }
  const MM_ID = ctx.staff.marketingManagerIds;
  const sel = `FROM projects p WHERE p.status = 'open' AND p.stage = ${lit(S[stages.registeredIndex] ?? 'registered')} AND (p.amount_fen / 100) % 10 = 7`;
  await exec(db, raw(`UPDATE projects p SET registration_state = 'pending' WHERE p.id IN (SELECT p.id ${sel})`));
  await exec(
    db,
    raw(`
    INSERT INTO approval_requests (id, process_code, chain_id, chain_version, subject_type, subject_id, subject_version, snapshot, title,
      requester_id, requester_department_id, state, round, current_step_id, version, submitted_at, updated_at)
    SELECT ${U('apr', 'p.id')}, ${lit(processCode)}, ${lit(chainId)}::uuid, ${chainVersion}, 'project', p.id::text, p.version,
      jsonb_build_object('name', p.name, 'amountFen', p.amount_fen), '项目立项审批：' || p.name, p.owner_user_id, p.department_id,
      'pending', 1, ${U('aps', 'p.id')}, 1, ${NOW} - interval '1 day', ${NOW} - interval '1 day'
    ${sel}`),
  );
  await exec(
    db,
    raw(`
    INSERT INTO approval_rounds (request_id, round, subject_version, snapshot, submitted_at)
    SELECT id, 1, subject_version, snapshot, submitted_at FROM approval_requests WHERE process_code = ${lit(processCode)}`),
  );
  await exec(
    db,
    raw(`
    INSERT INTO approval_steps (id, request_id, round, seq, chain_index, name, mode, approver, status, activated_at)
    SELECT current_step_id, id, 1, 1, 0, '市场部经理审批', 'any', '{"type":"role","roleCode":"marketing_manager"}'::jsonb, 'active', submitted_at
    FROM approval_requests WHERE process_code = ${lit(processCode)}`),
  );
  await exec(
    db,
    raw(`
    INSERT INTO approval_tasks (request_id, step_id, assignee_id, status, created_at)
    SELECT r.id, r.current_step_id, m.id, 'pending', r.submitted_at
    FROM approval_requests r CROSS JOIN unnest(${MM_ID}) AS m(id) WHERE r.process_code = ${lit(processCode)}`),
  );
  return count(db, sql`SELECT count(*)::int AS n FROM approval_requests WHERE state = 'pending'`);
}
