import { z } from 'zod';

export const SecuritySettingsView = z.object({
  minLength: z.number().int(),
  complianceMode: z.boolean(),
  maxAgeDays: z.number().int(),
  version: z.number().int(),
});

export const UpdateSecuritySettingsBody = z.object({
  version: z.number().int().min(0),
  minLength: z.number().int().min(8).max(64),
  complianceMode: z.boolean(),
  maxAgeDays: z.number().int().min(1).max(3650),
});
