import { SearchQuery, SearchResult } from '../../../core/schemas/customers.schema.ts';
import type { AppServices } from '../../kernel/context.ts';
import { globalSearch } from '../../queries/search.ts';
import { errorResponses, type Api } from '../types.ts';

/** The one search box: customers, contacts, partners and leads the actor may see. */
export async function searchRoutes(api: Api, services: AppServices) {
  api.get('/search', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['search'],
      summary: '全局搜索 Search customers, contacts, partners and leads by any part of a name, credit code or phone',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...errorResponses },
    },
  }, async (req) => globalSearch(services.db, req.actor, req.query.q, req.query.limit));
}
