import type { User } from '@cordon/contracts';
import { Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { RequireRole } from '../../../components/RequireRole.tsx';
import { SuccessNotice, useSuccessNotice } from '../../../components/SuccessNotice.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { UsersTable } from './UsersTable.tsx';
import { useResetMfa, usersQuery } from './usersApi.ts';

function Users() {
  const { t } = useTranslation();
  const me = useMe();
  const users = useQuery(usersQuery);
  const resetMfa = useResetMfa();
  const notice = useSuccessNotice();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('users.title', { agency: me.agency.name })}
        intro={t('admin.usersIntro')}
        action={<Button onClick={() => setCreating(true)}>{t('users.new')}</Button>}
      />
      <SuccessNotice message={notice.message} onClose={notice.clear} />
      <ProblemAlert error={users.error} />
      {users.isPending ? (
        <Center p="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : null}
      {users.data ? <UsersTable users={users.data} onEdit={setEditing} onResetMfa={setResetting} /> : null}
      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          notice.show(t('users.created', { name: u.displayName }));
        }}
      />
      {editing ? (
        <EditUserModal
          key={editing.id}
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notice.show(t('users.saved'));
          }}
        />
      ) : null}
      <ConfirmModal
        opened={resetting !== null}
        title={t('users.resetMfa')}
        message={t('users.resetMfaConfirm', { name: resetting?.displayName ?? '' })}
        confirmLabel={t('users.resetMfa')}
        pending={resetMfa.isPending}
        error={resetMfa.error}
        onClose={() => {
          setResetting(null);
          resetMfa.reset();
        }}
        onConfirm={() => {
          if (!resetting) return;
          const name = resetting.displayName;
          resetMfa.mutate(resetting.id, {
            onSuccess: () => {
              setResetting(null);
              notice.show(t('users.resetDone', { name }));
            },
          });
        }}
      />
    </Stack>
  );
}

export function UsersPage() {
  return (
    <RequireRole roles={['agency-admin', 'hub-admin']}>
      <Users />
    </RequireRole>
  );
}
