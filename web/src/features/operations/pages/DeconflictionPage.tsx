import { Badge, Button, Code, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { FormCard } from '../../../components/FormCard.tsx';
import { useFormat } from '../../../components/format.ts';
import { HeadedTable } from '../../../components/HeadedTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { registerQuery, useAddRegisterEntry, useWithdrawRegisterEntry } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { SelectorInputs, type SelectorKind } from './SelectorInputs.tsx';

/** My agency's conflicts across every operation, and its deconfliction register. */
export function DeconflictionPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { write } = useOpsPermissions();
  const register = useQuery(registerQuery);
  const withdraw = useWithdrawRegisterEntry();
  return (
    <Stack gap="lg">
      <PageHeader title={t('operations.deconfliction.title')} intro={t('operations.deconfliction.intro')} />
      <ConflictsPanel />
      <Title order={2} size="h3">
        {t('operations.register.title')}
      </Title>
      <Text size="sm">{t('operations.register.intro')}</Text>
      {write ? <AddEntry /> : null}
      <ProblemAlert error={register.error ?? withdraw.error} />
      {register.data && register.data.length > 0 ? (
        <HeadedTable
          label={t('operations.register.title')}
          minWidth={680}
          testId="register"
          columns={[
            t('operations.targets.label'),
            t('operations.register.key'),
            t('operations.fields.contactPoint'),
            t('common.created'),
            t('common.status'),
          ]}
        >
          {register.data.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td>
                <Code style={{ overflowWrap: 'anywhere' }}>{r.matchKey}</Code>
              </Table.Td>
              <Table.Td>{r.contactPoint}</Table.Td>
              <Table.Td>{fmt.dateTime(r.createdAt)}</Table.Td>
              <Table.Td>
                {r.active ? (
                  write ? (
                    <Button
                      size="xs"
                      variant="filled"
                      color="red.9"
                      aria-label={t('operations.register.withdrawOf', { label: r.label })}
                      loading={withdraw.isPending && withdraw.variables === r.id}
                      onClick={() => {
                        if (window.confirm(t('operations.register.confirmWithdraw', { label: r.label })))
                          withdraw.mutate(r.id);
                      }}
                    >
                      {t('operations.register.withdraw')}
                    </Button>
                  ) : (
                    <Badge variant="light">{t('operations.register.active')}</Badge>
                  )
                ) : (
                  <Badge color="gray" variant="light">
                    {t('operations.register.withdrawn')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </HeadedTable>
      ) : null}
    </Stack>
  );
}

function AddEntry() {
  const { t } = useTranslation();
  const add = useAddRegisterEntry();
  const [kind, setKind] = useState<SelectorKind>('phone');
  const [value, setValue] = useState('');
  const [contact, setContact] = useState('');
  const errors = fieldErrors(add.error);
  return (
    <FormCard
      titleId="register-add"
      title={t('operations.register.add')}
      heading="h3"
      submitLabel={t('operations.register.submit')}
      pending={add.isPending}
      error={add.error}
      fieldErrors={errors}
      onSubmit={() =>
        add.mutate({ selector: { kind, value }, contactPoint: contact }, { onSuccess: () => setValue('') })
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SelectorInputs kind={kind} onKind={setKind} value={value} onValue={setValue} error={errors.selector} />
        <TextInput
          label={t('operations.fields.contactPoint')}
          required
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
          error={errors.contactPoint}
        />
      </SimpleGrid>
    </FormCard>
  );
}
