import { z } from 'zod';
import { Timestamp } from '../schemas/common.schema.ts';
import { Text } from './project-fields.schema.ts';

/** API schemas of saved views (保存的视图): a user's named filters and sort of a project list. */

export const SAVED_VIEW_LISTS = ['projects', 'projects_kanban'] as const;
export const SavedViewQuery = z.object({ list: z.enum(SAVED_VIEW_LISTS) });
export const SavedViewBody = z.object({
  list: z.enum(SAVED_VIEW_LISTS),
  name: Text(60).min(1),
  /** the list's filters and sort, as the list page keeps them (string values) */
  state: z.record(Text(40).min(1), Text(200)).refine((r) => Object.keys(r).length <= 30),
});
export const SavedViewView = z.object({
  id: z.string(),
  list: z.string(),
  name: z.string(),
  state: z.record(z.string(), z.string()),
  createdAt: Timestamp,
});
