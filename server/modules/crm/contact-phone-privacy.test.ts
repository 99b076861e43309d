import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmFixture, xlsxRows } from './crm-test-fixture.ts';
import type { TestApp } from '../../test-support/test-app.ts';

/** A reader without `contact.phone` can neither see a contact's full number nor confirm it by searching for its digits. */

let t: TestApp;
let mm: string;
let assistant: string;
let contactId = '';

beforeAll(async () => {
  ({ t, mm, assistant, contactId } = await crmFixture());
}, 180_000);
afterAll(async () => {
  await t.close();
});

const get = (cookie: string, url: string) => t.call('GET', url, { cookie });

describe('phone digits are searchable only with contact.phone', () => {
  it('search, the contact list and its export find a contact by phone only for readers who may see the number', async () => {
    // the marketing assistant (本部门, no contact.phone) sees the customer and the contact…
    const byName = (await get(assistant, '/api/search?q=钱工')).json();
    expect(byName.contacts).toHaveLength(1);
    expect(byName.contacts[0].subtitle).toBe('嘉兴市水利局 · 139-****-5678');
    // …but cannot confirm the full number (or any part of it) by searching for it
    for (const q of ['13912345678', '139 1234 5678', '12345678', '5678']) {
      expect((await get(assistant, `/api/search?q=${encodeURIComponent(q)}`)).json().contacts, q).toEqual([]);
      expect((await get(assistant, `/api/contacts?q=${encodeURIComponent(q)}`)).json().total, q).toBe(0);
    }
    const exp = await xlsxRows((await get(assistant, '/api/contacts/export.xlsx?q=13912345678')).rawPayload);
    expect(exp).toHaveLength(1);
    // the other fields stay searchable
    expect((await get(assistant, '/api/contacts?q=qian')).json().total).toBe(1);
    // the marketing manager holds contact.phone: found by the number
    expect((await get(mm, '/api/search?q=13912345678')).json().contacts[0]).toMatchObject({
      id: contactId,
      subtitle: '嘉兴市水利局 · 139-1234-5678',
    });
    expect((await get(mm, '/api/contacts?q=5678')).json().total).toBe(1);
    expect((await xlsxRows((await get(mm, '/api/contacts/export.xlsx?q=5678')).rawPayload))[1]?.[4]).toBe('139-1234-5678');
  });
});
