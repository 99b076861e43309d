import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../../core/i18n/locale.ts';
import type { ApprovalProcessDetail, ApprovalProcessView, ChainVersionView } from '../../../../core/approvals/approvals.schema.ts';
import { rowsOf, type Db } from '../../../db/client.ts';
import { approvalChains, deadlinePolicies, roles, users } from '../../../db/schema.ts';
import { getApprovalProcess, listApprovalProcesses } from '../../../approvals/processes.ts';
import { getApprovalSubject } from '../../../approvals/subjects.ts';
import { iso, namesOf, subjectFields, subjectLabel } from './approval-labels.ts';

/** 审批流程配置: the registered processes, their chain versions and the editor's pick lists. */

async function chainRowsByProcess(db: Db) {
  const rows = await db
    .select({
      id: approvalChains.id,
      processCode: approvalChains.processCode,
      version: approvalChains.version,
      definition: approvalChains.definition,
      note: approvalChains.note,
      createdAt: approvalChains.createdAt,
      createdByName: users.displayName,
    })
    .from(approvalChains)
    .leftJoin(users, eq(users.id, approvalChains.createdBy))
    .orderBy(asc(approvalChains.processCode), desc(approvalChains.version));
  return rows;
}

async function openCounts(db: Db): Promise<Map<string, number>> {
  const rows = rowsOf<{ code: string; n: number }>(
    await db.execute(sql`
    SELECT process_code AS code, count(*)::int AS n FROM approval_requests WHERE state IN ('pending', 'returned') GROUP BY process_code`),
  );
  return new Map(rows.map((r) => [r.code, r.n]));
}

/** Registered processes with their current chain version (审批流程配置 list). */
export async function listProcesses(db: Db, locale: Locale): Promise<Array<z.infer<typeof ApprovalProcessView>>> {
  const chains = await chainRowsByProcess(db);
  const open = await openCounts(db);
  return listApprovalProcesses().map((p) => {
    const latest = chains.find((c) => c.processCode === p.code);
    return {
      code: p.code,
      label: locale === 'en' ? p.labelEn : p.labelZh,
      subjectType: p.subjectType,
      subjectLabel: subjectLabel(p.subjectType, locale),
      currentVersion: latest?.version ?? null,
      stepCount: (latest?.definition ?? p.defaultChain).steps.length,
      updatedAt: latest ? iso(latest.createdAt) : null,
      updatedByName: latest?.createdByName ?? null,
      openRequests: open.get(p.code) ?? 0,
    };
  });
}

/** One process for the chain editor: current chain (or the default), version history, pick lists. */
export async function getProcessDetail(db: Db, locale: Locale, code: string): Promise<z.infer<typeof ApprovalProcessDetail> | null> {
  const p = getApprovalProcess(code);
  if (!p) return null;
  const view = (await listProcesses(db, locale)).find((x) => x.code === code);
  if (!view) return null;
  const chains = (await chainRowsByProcess(db)).filter((c) => c.processCode === code);
  const usage = rowsOf<{ chain_id: string; n: number }>(
    await db.execute(sql`
    SELECT chain_id, count(*)::int AS n FROM approval_requests WHERE process_code = ${code} GROUP BY chain_id`),
  );
  const latest = chains[0];
  const chain: z.infer<typeof ChainVersionView> = latest
    ? {
        version: latest.version,
        definition: latest.definition,
        note: latest.note,
        createdAt: iso(latest.createdAt),
        createdByName: latest.createdByName,
      }
    : { version: 0, definition: p.defaultChain, note: null, createdAt: null, createdByName: null };
  const roleRows = await db.select({ code: roles.code, nameZh: roles.nameZh, nameEn: roles.nameEn }).from(roles).orderBy(asc(roles.code));
  const userIds = chain.definition.steps.flatMap((s) => (s.approver.type === 'user' ? [s.approver.userId] : []));
  return {
    process: view,
    fields: subjectFields(getApprovalSubject(p.subjectType), locale),
    chain,
    versions: chains.map((c) => ({
      version: c.version,
      note: c.note,
      createdAt: iso(c.createdAt),
      createdByName: c.createdByName,
      stepCount: c.definition.steps.length,
      requestCount: usage.find((u) => u.chain_id === c.id)?.n ?? 0,
    })),
    roles: roleRows.map((r) => ({ code: r.code, name: locale === 'en' ? r.nameEn : r.nameZh })),
    deadlinePolicies: (
      await db
        .select({ code: deadlinePolicies.code, nameZh: deadlinePolicies.nameZh, nameEn: deadlinePolicies.nameEn })
        .from(deadlinePolicies)
        .orderBy(asc(deadlinePolicies.code))
    ).map((d) => ({ code: d.code, name: locale === 'en' ? d.nameEn : d.nameZh })),
    userNames: Object.fromEntries(await namesOf(db, userIds)),
  };
}

/** One stored version of a process's chain (version history). */
export async function getChainVersion(db: Db, code: string, version: number): Promise<z.infer<typeof ChainVersionView> | null> {
  if (!getApprovalProcess(code)) return null;
  const row = (
    await db
      .select({
        version: approvalChains.version,
        definition: approvalChains.definition,
        note: approvalChains.note,
        createdAt: approvalChains.createdAt,
        createdByName: users.displayName,
      })
      .from(approvalChains)
      .leftJoin(users, eq(users.id, approvalChains.createdBy))
      .where(and(eq(approvalChains.processCode, code), eq(approvalChains.version, version)))
      .limit(1)
  )[0];
  if (!row) return null;
  return { ...row, createdAt: iso(row.createdAt) };
}
