import { Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { hasAnyRole, useMe } from '../../app/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/** Finance officers who may also draft notices (the server checks again). */
const SILVER_DRAFTERS = ['investigator', 'supervisor'] as const;

/** Drafts a Silver Notice (asset tracing of a person) prefilled with these accounts, then opens the draft. */
export function SilverNoticeButton({ accountIds, size = 'sm' }: { accountIds: string[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const draft = useMutation({
    mutationFn: () =>
      api<{ noticeId: string }>('POST', '/api/finance/silver-notice', { accountIds: accountIds.slice(0, 50) }),
    onSuccess: ({ noticeId }) => void navigate({ to: '/notices/$noticeId', params: { noticeId } }),
  });
  if (!hasAnyRole(me, ...SILVER_DRAFTERS) || accountIds.length === 0) return null;
  return (
    <Stack gap={4}>
      <Button
        variant="light"
        color="gray"
        size={size}
        loading={draft.isPending}
        onClick={() => draft.mutate()}
        data-testid="silver-notice"
      >
        {t('finance.silverNotice')}
      </Button>
      {draft.error ? <ProblemAlert error={draft.error} /> : null}
    </Stack>
  );
}
