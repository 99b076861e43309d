import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { OkBody } from '../schemas/common.schema.ts';
import { IdParams } from './project-fields.schema.ts';
import { SavedViewBody, SavedViewQuery, SavedViewView } from './saved-views.schema.ts';

/** Saved views (保存的视图) of the project lists: each user's own. */
export const savedViewsContract = defineContract('projects', {
  list: {
    method: 'GET',
    path: '/saved-views',
    summary: '我的保存视图 My saved views',
    access: 'authenticated',
    query: SavedViewQuery,
    response: z.array(SavedViewView),
  },
  save: {
    method: 'POST',
    path: '/saved-views',
    summary: '保存视图 Save a view',
    access: 'authenticated',
    body: SavedViewBody,
    response: SavedViewView,
  },
  delete: {
    method: 'DELETE',
    path: '/saved-views/:id',
    summary: '删除视图 Delete a view',
    access: 'authenticated',
    params: IdParams,
    response: OkBody,
  },
});
