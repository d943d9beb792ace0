import { SELECTOR_KINDS } from '@cordon/contracts';
import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { useFormat } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { registerQuery, useAddRegisterEntry, useWithdrawRegisterEntry } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';
import { ConflictsPanel } from './ConflictsPanel.tsx';

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
        <ScrollTable label={t('operations.register.title')} minWidth={680}>
          <Table striped verticalSpacing="xs" data-testid="register">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('operations.targets.label')}</Table.Th>
                <Table.Th scope="col">{t('operations.register.key')}</Table.Th>
                <Table.Th scope="col">{t('operations.fields.contactPoint')}</Table.Th>
                <Table.Th scope="col">{t('common.created')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Stack>
  );
}

function AddEntry() {
  const { t } = useTranslation();
  const add = useAddRegisterEntry();
  const [kind, setKind] = useState('phone');
  const [value, setValue] = useState('');
  const [contact, setContact] = useState('');
  const errors = fieldErrors(add.error);
  return (
    <Card withBorder component="section" aria-labelledby="register-add">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { selector: { kind: kind as (typeof SELECTOR_KINDS)[number], value }, contactPoint: contact },
            { onSuccess: () => setValue('') },
          );
        }}
      >
        <Stack gap="sm">
          <Text id="register-add" fw={700} component="h3">
            {t('operations.register.add')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('operations.targets.selectorKind')}
              data={SELECTOR_KINDS.map((k) => ({ value: k, label: t(`intel.selectorKinds.${k}`) }))}
              value={kind}
              allowDeselect={false}
              onChange={(v) => v && setKind(v)}
            />
            <TextInput
              label={t('operations.targets.value')}
              required
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={errors.selector}
            />
            <TextInput
              label={t('operations.fields.contactPoint')}
              required
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
              error={errors.contactPoint}
            />
          </SimpleGrid>
          {add.error && Object.keys(errors).length === 0 ? <ProblemAlert error={add.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('operations.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
