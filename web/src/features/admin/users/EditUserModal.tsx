import type { Role, User } from '@cordon/contracts';
import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModalProps } from '../../../components/useModalProps.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { usePatchUser } from './usersApi.ts';

interface Props {
  user: User;
  onClose: () => void;
  onSaved: () => void;
}

/** Edits name, roles and the disabled flag; sends only what changed. Mount with `key={user.id}`. */
export function EditUserModal({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const patch = usePatchUser();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>([...user.roles]);
  const [disabled, setDisabled] = useState(user.disabled);
  const [rolesError, setRolesError] = useState<string | undefined>();
  const server = fieldErrors(patch.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (roles.length === 0) {
      setRolesError(t('users.rolesRequired'));
      return;
    }
    setRolesError(undefined);
    const changes: { displayName?: string; roles?: Role[]; disabled?: boolean } = {};
    if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
    if ([...roles].sort().join() !== [...user.roles].sort().join()) changes.roles = roles;
    if (disabled !== user.disabled) changes.disabled = disabled;
    if (Object.keys(changes).length === 0) return onClose();
    patch.mutate({ id: user.id, patch: changes }, { onSuccess: onSaved });
  };

  return (
    <Modal {...modalProps} opened onClose={onClose} title={t('users.editTitle', { name: user.displayName })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={patch.error} />
          <TextInput label={t('users.email')} value={user.email} readOnly variant="filled" />
          <TextInput
            label={t('users.displayName')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={server.displayName}
            data-autofocus
          />
          <RoleCheckboxes value={roles} onChange={setRoles} error={rolesError ?? server.roles} />
          <Switch
            label={t('users.disabled')}
            checked={disabled}
            onChange={(e) => setDisabled(e.currentTarget.checked)}
            error={server.disabled}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={patch.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
