import { contactsContract, customersContract, partnersContract, searchContract } from '../../../core/crm/crm.contract.ts';
import { CRM_DEFAULT_GRANTS, CRM_PERMISSIONS } from '../../../core/crm/crm.permissions.ts';
import type { Api } from '../../http/api.ts';
import type { AppServices } from '../../kernel/context.ts';
import { defineModule } from '../define-module.ts';
import { contactsRoutes } from './contacts.routes.ts';
import { customerTransferredEvent, partnerTransferredEvent, recordSharedEvent } from './crm-events.ts';
import { crmMessages } from './crm.messages.ts';
import { customersRoutes } from './customers.routes.ts';
import { partnersRoutes } from './partners.routes.ts';
import { searchRoutes } from './search.routes.ts';

/**
 * Customers, contacts and channel partners (客户 / 联系人 / 渠道商, PRODUCT.md §3.2), their Excel
 * imports and exports, and the global search box. The records live in server/db/schema-crm.ts;
 * who sees them is decided by server/policies/visibility.ts (customers, partners) and
 * contact-visibility.ts (contacts, through their customer or partner).
 */
export const crmModule = defineModule({
  name: 'crm',
  permissions: CRM_PERMISSIONS,
  defaultGrants: CRM_DEFAULT_GRANTS,
  contracts: [customersContract, partnersContract, contactsContract, searchContract],
  routes: (api: Api, services: AppServices) => {
    customersRoutes(api, services);
    partnersRoutes(api, services);
    contactsRoutes(api, services);
    searchRoutes(api, services);
  },
  messages: crmMessages,
  eventTypes: [customerTransferredEvent, partnerTransferredEvent, recordSharedEvent],
});
