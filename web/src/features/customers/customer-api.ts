/**
 * Convenience types of the customer, contact, partner, import and search pages, from the core
 * schemas. The endpoints themselves are typed from core/crm/crm.contract.ts (listed in
 * web/src/app/module-list.ts).
 */
import type { z } from 'zod';
import type * as C from '../../../../core/crm/crm.schema.ts';
import type * as I from '../../../../core/imports/imports.schema.ts';

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
