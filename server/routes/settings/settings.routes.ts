import { SecuritySettingsView, UpdateSecuritySettingsBody } from '../../../core/schemas/org.schema.ts';
import { updateSecuritySettings } from '../../commands/update-security-settings.ts';
import { loadPasswordPolicy } from '../../auth/security-settings.ts';
import { ctxOf } from '../../http/context.ts';
import type { AppServices } from '../../kernel/context.ts';
import { errorResponses, type Api } from '../types.ts';

const tags = ['settings'];

export async function settingsRoutes(api: Api, services: AppServices) {
  api.get('/settings/security', {
    config: { access: { permission: 'system.settings' } },
    schema: { tags, summary: '安全设置 Security settings', response: { 200: SecuritySettingsView, ...errorResponses } },
  }, async () => loadPasswordPolicy(services.db));

  api.put('/settings/security', {
    config: { access: { permission: 'system.settings' } },
    schema: { tags, summary: '修改安全设置 Update security settings', body: UpdateSecuritySettingsBody, response: { 200: SecuritySettingsView, ...errorResponses } },
  }, async (req) => {
    await updateSecuritySettings(ctxOf(req, services), req.body);
    return loadPasswordPolicy(services.db);
  });
}
