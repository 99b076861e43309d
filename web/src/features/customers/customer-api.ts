/**
 * The customer, contact, partner, import and search endpoints, added to the typed API contract by
 * interface merging (see shared/api/routes.ts), with types from the core schemas.
 */
import type { z } from 'zod';
import type * as C from '../../../../core/schemas/customers.schema.ts';
import type * as I from '../../../../core/schemas/imports.schema.ts';
import type { Ok } from '../../shared/api/types.ts';

export type CustomerView = z.infer<typeof C.CustomerView>;
export type CustomerListItem = z.infer<typeof C.CustomerListItem>;
export type CustomerPage = z.infer<typeof C.CustomerPage>;
export type CustomerListQuery = Partial<z.input<typeof C.CustomerListQuery>>;
export type CreateCustomerBody = z.input<typeof C.CreateCustomerBody>;
export type UpdateCustomerBody = z.input<typeof C.UpdateCustomerBody>;
export type DuplicateCheckBody = z.input<typeof C.DuplicateCheckBody>;
export type DuplicateMatch = z.infer<typeof C.DuplicateMatch>;
export type DuplicateResult = z.infer<typeof C.DuplicateResult>;
export type TransferBody = z.input<typeof C.TransferBody>;
export type ShareList = z.infer<typeof C.ShareList>;
export type TimelinePage = z.infer<typeof C.TimelinePage>;
export type TimelineItem = z.infer<typeof C.TimelineItem>;
export type ContactView = z.infer<typeof C.ContactView>;
export type ContactPage = z.infer<typeof C.ContactPage>;
export type ContactListQuery = Partial<z.input<typeof C.ContactListQuery>>;
export type CreateContactBody = z.input<typeof C.CreateContactBody>;
export type UpdateContactBody = z.input<typeof C.UpdateContactBody>;
export type PartnerView = z.infer<typeof C.PartnerView>;
export type PartnerListItem = z.infer<typeof C.PartnerListItem>;
export type PartnerPage = z.infer<typeof C.PartnerPage>;
export type PartnerListQuery = Partial<z.input<typeof C.PartnerListQuery>>;
export type CreatePartnerBody = z.input<typeof C.CreatePartnerBody>;
export type UpdatePartnerBody = z.input<typeof C.UpdatePartnerBody>;
export type SearchResult = z.infer<typeof C.SearchResult>;
export type SearchHit = z.infer<typeof C.SearchHit>;
export type ImportFileBody = z.input<typeof I.ImportFileBody>;
export type ImportCommitBody = z.input<typeof I.ImportCommitBody>;
export type ImportPreview = z.infer<typeof I.ImportPreview>;
export type ImportCommitResult = z.infer<typeof I.ImportCommitResult>;
export type ImportRowError = z.infer<typeof I.ImportRowError>;
export type CustomerTransferResult = z.infer<typeof C.CustomerTransferResult>;
export type PartnerTransferResult = z.infer<typeof C.PartnerTransferResult>;

/** The lists with an Excel import (customers, contacts, partners; leads add their own). */
export type ImportBase = 'customers' | 'contacts' | 'partners';

declare module '../../shared/api/routes.ts' {
  interface ApiRoutes {
    'GET /customers': { query: CustomerListQuery; res: CustomerPage };
    'POST /customers': { body: CreateCustomerBody; res: CustomerView };
    'POST /customers/duplicates': { body: DuplicateCheckBody; res: DuplicateResult };
    'GET /customers/:id': { res: CustomerView };
    'PATCH /customers/:id': { body: UpdateCustomerBody; res: CustomerView };
    'POST /customers/:id/transfer': { body: TransferBody; res: CustomerTransferResult };
    'GET /customers/:id/shares': { res: ShareList };
    'PUT /customers/:id/shares': { body: { userIds: string[] }; res: ShareList };
    'GET /customers/:id/timeline': { query: { before?: string; limit?: number }; res: TimelinePage };
    'GET /customers/export.xlsx': { query: Omit<CustomerListQuery, 'page' | 'pageSize'>; res: Blob };
    'GET /customers/import/template.xlsx': { res: Blob };
    'POST /customers/import/preview': { body: ImportFileBody; res: ImportPreview };
    'POST /customers/import/commit': { body: ImportCommitBody; res: ImportCommitResult };

    'GET /partners': { query: PartnerListQuery; res: PartnerPage };
    'POST /partners': { body: CreatePartnerBody; res: PartnerView };
    'POST /partners/duplicates': { body: DuplicateCheckBody; res: DuplicateResult };
    'GET /partners/:id': { res: PartnerView };
    'PATCH /partners/:id': { body: UpdatePartnerBody; res: PartnerView };
    'POST /partners/:id/transfer': { body: TransferBody; res: PartnerTransferResult };
    'GET /partners/:id/shares': { res: ShareList };
    'PUT /partners/:id/shares': { body: { userIds: string[] }; res: ShareList };
    'GET /partners/export.xlsx': { query: Omit<PartnerListQuery, 'page' | 'pageSize'>; res: Blob };
    'GET /partners/import/template.xlsx': { res: Blob };
    'POST /partners/import/preview': { body: ImportFileBody; res: ImportPreview };
    'POST /partners/import/commit': { body: ImportCommitBody; res: ImportCommitResult };

    'GET /contacts': { query: ContactListQuery; res: ContactPage };
    'POST /contacts': { body: CreateContactBody; res: ContactView };
    'GET /contacts/:id': { res: ContactView };
    'PATCH /contacts/:id': { body: UpdateContactBody; res: ContactView };
    'DELETE /contacts/:id': { query: { version: number }; res: Ok };
    'GET /contacts/export.xlsx': { query: Omit<ContactListQuery, 'page' | 'pageSize'>; res: Blob };
    'GET /contacts/import/template.xlsx': { res: Blob };
    'POST /contacts/import/preview': { body: ImportFileBody; res: ImportPreview };
    'POST /contacts/import/commit': { body: ImportCommitBody; res: ImportCommitResult };

    'GET /search': { query: { q: string; limit?: number }; res: SearchResult };
  }
}
