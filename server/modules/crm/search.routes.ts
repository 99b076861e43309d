import { searchContract } from '../../../core/crm/crm.contract.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { globalSearch } from './queries/search.ts';

/** The one search box: customers, contacts, partners and leads the actor may see. */
export function searchRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, searchContract, {
    search: async ({ ctx, query }) => globalSearch(ctx.db, ctx.actor, query.q, query.limit),
  });
}
