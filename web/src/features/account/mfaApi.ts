import type { MfaEnrolment } from '@cordon/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { meQuery } from '../../app/session.ts';

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => api<MfaEnrolment>('POST', '/api/auth/mfa/enrol') });
}

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('POST', '/api/auth/mfa/enrol/confirm', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
}
