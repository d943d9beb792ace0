import type { Role, User } from '@cordon/contracts';
import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModalProps } from '../../../components/useModalProps.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { useCreateUser } from './usersApi.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}

export function CreateUserModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['analyst']);
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(create.error);
  const err = (field: string) => local[field] ?? server[field];

  const reset = () => {
    setEmail('');
    setDisplayName('');
    setRoles(['analyst']);
    setPassword('');
    setLocal({});
    create.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (password.length < 12) problems.password = t('users.passwordTooShort');
    if (roles.length === 0) problems.roles = t('users.rolesRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      { email: email.trim(), displayName: displayName.trim(), roles, password },
      {
        onSuccess: (user) => {
          reset();
          onCreated(user);
        },
      },
    );
  };

  return (
    <Modal {...modalProps} opened={opened} onClose={close} title={t('users.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={create.error} />
          <TextInput
            label={t('users.email')}
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={err('email')}
            data-autofocus
          />
          <TextInput
            label={t('users.displayName')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={err('displayName')}
          />
          <RoleCheckboxes value={roles} onChange={setRoles} error={err('roles')} />
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={err('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
