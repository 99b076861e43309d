import { settingsContract } from '../../../core/settings/settings.contract.ts';
import { loadPasswordPolicy } from '../../auth/security-settings.ts';
import type { Api } from '../../http/api.ts';
import { mountContract } from '../../http/mount-contract.ts';
import type { AppServices } from '../../kernel/context.ts';
import { updateSecuritySettings } from './commands/update-security-settings.ts';

/** Security settings (the password policy). */
export function settingsRoutes(api: Api, services: AppServices): void {
  mountContract(api, services, settingsContract, {
    getSecurity: async ({ ctx }) => loadPasswordPolicy(ctx.db),
    updateSecurity: async ({ ctx, body }) => {
      await updateSecuritySettings(ctx, body);
      return loadPasswordPolicy(ctx.db);
    },
  });
}
