import type { ApiToken } from '@cordon/contracts';
import { Badge, Button, Center, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { useFormat } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { RequireRole } from '../../../components/RequireRole.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { type TokenStatus, tokenStatus, tokensQuery, useRevokeToken } from './tokensApi.ts';

const STATUS_COLOUR: Record<TokenStatus, string> = { active: 'green', revoked: 'red', expired: 'gray' };

function Tokens() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tokens = useQuery(tokensQuery);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('tokens.title')}
        intro={t('admin.tokensIntro')}
        action={<Button onClick={() => setCreating(true)}>{t('tokens.new')}</Button>}
      />
      <ProblemAlert error={tokens.error} />
      {tokens.isPending ? (
        <Center p="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : null}
      {tokens.data?.length === 0 ? <Text c="dimmed">{t('tokens.empty')}</Text> : null}
      {tokens.data?.length ? (
        <ScrollTable label={t('tokens.title')} minWidth={760}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                <Table.Th scope="col">{t('tokens.scopes')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('common.created')}</Table.Th>
                <Table.Th scope="col">{t('tokens.expires')}</Table.Th>
                <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((tok) => {
                const status = tokenStatus(tok);
                return (
                  <Table.Tr key={tok.id}>
                    <Table.Td fw={600}>{tok.name}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {tok.scopes.map((s) => (
                          <Code key={s}>{s}</Code>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOUR[status]} variant="dot">
                        {t(`tokens.${status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{fmt.dateTime(tok.createdAt)}</Table.Td>
                    <Table.Td>{fmt.dateTime(tok.expiresAt)}</Table.Td>
                    <Table.Td>{tok.lastUsedAt ? fmt.dateTime(tok.lastUsedAt) : t('common.never')}</Table.Td>
                    <Table.Td>
                      {status === 'active' ? (
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          onClick={() => setRevoking(tok)}
                          aria-label={t('tokens.revokeLabel', { name: tok.name })}
                        >
                          {t('tokens.revoke')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('tokens.revoke')}
        message={t('tokens.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      />
    </Stack>
  );
}

export function TokensPage() {
  return (
    <RequireRole roles={['agency-admin']}>
      <Tokens />
    </RequireRole>
  );
}
