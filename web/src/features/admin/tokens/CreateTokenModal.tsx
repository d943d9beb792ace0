import { SCOPES, type Scope } from '@cordon/contracts';
import { Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModalProps } from '../../../components/useModalProps.ts';
import { IssuedToken } from './IssuedToken.tsx';
import { useCreateToken } from './tokensApi.ts';

export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [days, setDays] = useState<number | string>(90);
  const [scopesError, setScopesError] = useState<string | undefined>();
  const server = fieldErrors(create.error);
  const issued = create.data?.token;

  const close = () => {
    setName('');
    setScopes([]);
    setDays(90);
    setScopesError(undefined);
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (scopes.length === 0) return setScopesError(t('tokens.scopesRequired'));
    setScopesError(undefined);
    create.mutate({ name: name.trim(), scopes, expiresInDays: Number(days) });
  };

  return (
    <Modal
      {...modalProps}
      opened={opened}
      onClose={close}
      title={t('tokens.new')}
      size="lg"
      closeOnClickOutside={!issued}
    >
      {issued ? (
        <IssuedToken token={issued} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={create.error} />
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={server.name}
              data-autofocus
            />
            <Checkbox.Group
              label={t('tokens.scopes')}
              value={scopes}
              onChange={(v) => setScopes(v as Scope[])}
              error={scopesError ?? server.scopes}
              withAsterisk
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {SCOPES.map((s) => (
                  <Checkbox key={s} value={s} label={s} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <NumberInput
              label={t('tokens.expiresInDays')}
              min={1}
              max={365}
              clampBehavior="strict"
              allowDecimal={false}
              required
              value={days}
              onChange={setDays}
              error={server.expiresInDays}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
