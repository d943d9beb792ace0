import { AGENCY_KINDS, type Agency, type AgencyKind } from '@cordon/contracts';
import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { useFormat } from '../../../components/format.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModalProps } from '../../../components/useModalProps.ts';
import { useRegisterAgency } from './agenciesApi.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  onRegistered: (agency: Agency) => void;
}

export function RegisterAgencyModal({ opened, onClose, onRegistered }: Props) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const fmt = useFormat();
  const register = useRegisterAgency();
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [kind, setKind] = useState<AgencyKind>('police');
  const [countryError, setCountryError] = useState<string | undefined>();
  const server = fieldErrors(register.error);
  const code = country.trim().toUpperCase();
  const countryName = /^[A-Z]{2}$/.test(code) ? fmt.country(code) : '';

  const close = () => {
    setName('');
    setCountry('');
    setKind('police');
    setCountryError(undefined);
    register.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^[A-Z]{2}$/.test(code)) return setCountryError(t('agencies.countryInvalid'));
    setCountryError(undefined);
    register.mutate(
      { name: name.trim(), country: code, kind },
      {
        onSuccess: (agency) => {
          close();
          onRegistered(agency);
        },
      },
    );
  };

  return (
    <Modal {...modalProps} opened={opened} onClose={close} title={t('agencies.register')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={register.error} />
          <TextInput
            label={t('agencies.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={server.name}
            data-autofocus
          />
          <TextInput
            label={t('agencies.country')}
            description={countryName && countryName !== code ? countryName : t('agencies.countryHint')}
            required
            maxLength={2}
            autoCapitalize="characters"
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
            error={countryError ?? server.country}
          />
          <NativeSelect
            label={t('agencies.kind')}
            required
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as AgencyKind)}
            data={AGENCY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            error={server.kind}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={register.isPending}>
              {t('agencies.register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
