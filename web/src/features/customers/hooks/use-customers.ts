import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type {
  ContactListQuery,
  CreateContactBody,
  CreateCustomerBody,
  CreatePartnerBody,
  CustomerListQuery,
  DuplicateCheckBody,
  PartnerListQuery,
  TransferBody,
  UpdateContactBody,
  UpdateCustomerBody,
  UpdatePartnerBody,
} from '../customer-api.ts';

export const CUSTOMERS_KEY = ['customers'] as const;
export const PARTNERS_KEY = ['partners'] as const;
export const CONTACTS_KEY = ['contacts'] as const;

export type RecordKind = 'customer' | 'partner';

export function useCustomers(query: CustomerListQuery) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'list', query],
    queryFn: ({ signal }) => api('GET /customers', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | null) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'detail', id],
    queryFn: ({ signal }) => api('GET /customers/:id', { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });
}

export function usePartners(query: PartnerListQuery, enabled = true) {
  return useQuery({
    queryKey: [...PARTNERS_KEY, 'list', query],
    queryFn: ({ signal }) => api('GET /partners', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartner(id: string | null) {
  return useQuery({
    queryKey: [...PARTNERS_KEY, 'detail', id],
    queryFn: ({ signal }) => api('GET /partners/:id', { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: CUSTOMERS_KEY });
    void qc.invalidateQueries({ queryKey: PARTNERS_KEY });
    void qc.invalidateQueries({ queryKey: CONTACTS_KEY });
  };
}

export function useSaveCustomer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: null; body: CreateCustomerBody } | { id: string; body: UpdateCustomerBody }) =>
      v.id === null ? api('POST /customers', { body: v.body }) : api('PATCH /customers/:id', { params: { id: v.id }, body: v.body }),
    onSettled: invalidate,
  });
}

export function useSavePartner() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: null; body: CreatePartnerBody } | { id: string; body: UpdatePartnerBody }) =>
      v.id === null ? api('POST /partners', { body: v.body }) : api('PATCH /partners/:id', { params: { id: v.id }, body: v.body }),
    onSettled: invalidate,
  });
}

/** Live duplicate check of the create / edit form (name or credit code typed so far). */
export function useDuplicateCheck(kind: RecordKind, body: DuplicateCheckBody, enabled: boolean) {
  return useQuery({
    queryKey: [kind === 'customer' ? CUSTOMERS_KEY[0] : PARTNERS_KEY[0], 'duplicates', body],
    queryFn: ({ signal }) =>
      kind === 'customer' ? api('POST /customers/duplicates', { body, signal }) : api('POST /partners/duplicates', { body, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useTransfer(kind: RecordKind) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; body: TransferBody }) =>
      kind === 'customer'
        ? api('POST /customers/:id/transfer', { params: { id: v.id }, body: v.body }).then((r) => r.stillVisible)
        : api('POST /partners/:id/transfer', { params: { id: v.id }, body: v.body }).then((r) => r.stillVisible),
    onSettled: invalidate,
  });
}

export function useShares(kind: RecordKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [kind === 'customer' ? CUSTOMERS_KEY[0] : PARTNERS_KEY[0], 'shares', id],
    queryFn: ({ signal }) =>
      kind === 'customer'
        ? api('GET /customers/:id/shares', { params: { id }, signal })
        : api('GET /partners/:id/shares', { params: { id }, signal }),
    enabled,
  });
}

export function useSaveShares(kind: RecordKind) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; userIds: string[] }) =>
      kind === 'customer'
        ? api('PUT /customers/:id/shares', { params: { id: v.id }, body: { userIds: v.userIds } })
        : api('PUT /partners/:id/shares', { params: { id: v.id }, body: { userIds: v.userIds } }),
    onSettled: invalidate,
  });
}

/** The customer's timeline, page by page (newest first). */
export function useCustomerTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: [...CUSTOMERS_KEY, 'timeline', id],
    queryFn: ({ signal, pageParam }) =>
      api('GET /customers/:id/timeline', { params: { id }, query: { limit: 20, before: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function useContacts(query: ContactListQuery, enabled = true) {
  return useQuery({
    queryKey: [...CONTACTS_KEY, 'list', query],
    queryFn: ({ signal }) => api('GET /contacts', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveContact() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: null; body: CreateContactBody } | { id: string; body: UpdateContactBody }) =>
      v.id === null ? api('POST /contacts', { body: v.body }) : api('PATCH /contacts/:id', { params: { id: v.id }, body: v.body }),
    onSettled: invalidate,
  });
}

export function useArchiveContact() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      api('DELETE /contacts/:id', { params: { id: v.id }, query: { version: v.version } }),
    onSettled: invalidate,
  });
}

export type { ContactListQuery, CustomerListQuery, PartnerListQuery };
