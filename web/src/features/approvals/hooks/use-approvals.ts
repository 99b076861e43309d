import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type {
  AddApproverBody,
  ApprovalDetail,
  ApprovalListQuery,
  ApproveBody,
  CreateDelegationBody,
  DecisionBody,
  OptionalCommentBody,
} from '../approval-api.ts';
import { APPROVALS_KEY } from './use-approval-counts.ts';

const DELEGATIONS_KEY = ['approvals', 'delegations'] as const;

export function useApprovalList(query: ApprovalListQuery) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'list', query],
    queryFn: ({ signal }) => api('GET /approvals', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useApprovalDetail(id: string) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'detail', id],
    queryFn: ({ signal }) => api('GET /approvals/:id', { params: { id }, signal }),
  });
}

/** Every action answers the request as it now stands; lists and counts are refreshed (also after a 409). */
function useApprovalAction<V>(fn: (v: V) => Promise<ApprovalDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => qc.setQueryData([...APPROVALS_KEY, 'detail', detail.id], detail),
    onSettled: () => qc.invalidateQueries({ queryKey: APPROVALS_KEY }),
  });
}

export type ActionKind = 'approve' | 'reject' | 'return' | 'withdraw' | 'resubmit';

export function useApprovalActions(id: string) {
  const approve = useApprovalAction((body: ApproveBody) => api('POST /approvals/:id/approve', { params: { id }, body }));
  const reject = useApprovalAction((body: DecisionBody) => api('POST /approvals/:id/reject', { params: { id }, body }));
  const ret = useApprovalAction((body: DecisionBody) => api('POST /approvals/:id/return', { params: { id }, body }));
  const withdraw = useApprovalAction((body: OptionalCommentBody) => api('POST /approvals/:id/withdraw', { params: { id }, body }));
  const resubmit = useApprovalAction((body: OptionalCommentBody) => api('POST /approvals/:id/resubmit', { params: { id }, body }));
  const addApprover = useApprovalAction((body: AddApproverBody) => api('POST /approvals/:id/add-approver', { params: { id }, body }));
  return { approve, reject, return: ret, withdraw, resubmit, addApprover };
}

/** Reads a browser File as base64 (without the data: prefix) for the JSON upload. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result ?? '');
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function useUploadAttachment(id: string) {
  return useMutation({
    mutationFn: async (file: File) =>
      api('POST /approvals/:id/attachments', { params: { id }, body: { fileName: file.name, contentBase64: await fileToBase64(file) } }),
  });
}

export function useDelegations() {
  return useQuery({ queryKey: DELEGATIONS_KEY, queryFn: () => api('GET /approvals/delegations') });
}

export function useCreateDelegation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDelegationBody) => api('POST /approvals/delegations', { body }),
    onSuccess: (list) => qc.setQueryData(DELEGATIONS_KEY, list),
    onSettled: () => qc.invalidateQueries({ queryKey: DELEGATIONS_KEY }),
  });
}

export function useCancelDelegation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE /approvals/delegations/:id', { params: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: DELEGATIONS_KEY }),
  });
}
