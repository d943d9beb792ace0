import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { disclosuresQuery, useDecideDisclosure } from '../api/hitsApi.ts';
import type { Disclosure, DisclosureStatus } from '../api/types.ts';
import { useIntelPermissions } from '../shared/intelRoles.ts';
import { Loading } from '../shared/Loading.tsx';
import { NoteDialog } from '../shared/NoteDialog.tsx';
import { useAgencyNames } from '../shared/useAgencyNames.ts';

const STATUS_COLOUR: Record<DisclosureStatus, string> = { pending: 'yellow', approved: 'green', declined: 'red' };

function StatusBadge({ status }: { status: DisclosureStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOUR[status]}>
      {t(`intel.disclosure.${status}`)}
    </Badge>
  );
}

/** Approve or decline, with a note the requester will read. */
function DecideModal({
  request,
  onClose,
}: {
  request: { d: Disclosure; approve: boolean } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideDisclosure();
  const approve = request?.approve ?? false;
  return (
    <NoteDialog
      opened={request !== null}
      title={approve ? t('intel.disclosure.approveTitle') : t('intel.disclosure.declineTitle')}
      intro={approve ? t('intel.disclosure.approveIntro') : t('intel.disclosure.declineIntro')}
      action={approve ? t('intel.disclosure.approve') : t('intel.disclosure.decline')}
      colour={approve ? 'green' : 'red'}
      pending={decide.isPending}
      error={decide.error}
      onSubmit={(note, done) => {
        if (request) decide.mutate({ id: request.d.id, approve: request.approve, note }, { onSuccess: done });
      }}
      onClose={() => {
        decide.reset();
        onClose();
      }}
    />
  );
}

function DisclosureTable({ direction }: { direction: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const agencies = useAgencyNames();
  const perms = useIntelPermissions();
  const list = useQuery(disclosuresQuery(direction));
  const [deciding, setDeciding] = useState<{ d: Disclosure; approve: boolean } | null>(null);
  const incoming = direction === 'incoming';
  const title = incoming ? t('intel.disclosure.incoming') : t('intel.disclosure.outgoing');
  return (
    <Stack gap="xs" component="section" aria-labelledby={`disclosures-${direction}`}>
      <Title order={2} size="h4" id={`disclosures-${direction}`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {incoming ? t('intel.disclosure.incomingIntro') : t('intel.disclosure.outgoingIntro')}
      </Text>
      <ProblemAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data?.length === 0 ? <Text size="sm">{t('intel.disclosure.none')}</Text> : null}
      {list.data && list.data.length > 0 ? (
        <ScrollTable label={title} minWidth={760}>
          <Table verticalSpacing="sm" data-testid={`disclosures-${direction}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {incoming ? t('intel.disclosure.requester') : t('intel.disclosure.holder')}
                </Table.Th>
                <Table.Th scope="col">{t('intel.hits.reason')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('common.created')}</Table.Th>
                <Table.Th scope="col">{incoming ? t('common.actions') : t('intel.disclosure.record')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{agencies.name(incoming ? d.requesterAgencyId : d.holderAgencyId)}</Table.Td>
                  <Table.Td maw={320} style={{ overflowWrap: 'anywhere' }}>
                    {d.reason}
                    {d.decisionNote ? (
                      <Text size="xs" c="dimmed">
                        {t('intel.disclosure.noteWas', { note: d.decisionNote })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={d.status} />
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(d.createdAt)}</Table.Td>
                  <Table.Td>
                    {incoming ? (
                      <Group gap="xs" wrap="nowrap">
                        <RouterAnchor size="sm" to="/intel/reports/$reportId" params={{ reportId: d.reportId }}>
                          {t('intel.disclosure.yourReport')}
                        </RouterAnchor>
                        {d.status === 'pending' && perms.decideDisclosure ? (
                          <>
                            <Button size="xs" color="green" onClick={() => setDeciding({ d, approve: true })}>
                              {t('intel.disclosure.approve')}
                            </Button>
                            <Button
                              size="xs"
                              variant="light"
                              color="red"
                              onClick={() => setDeciding({ d, approve: false })}
                            >
                              {t('intel.disclosure.decline')}
                            </Button>
                          </>
                        ) : null}
                      </Group>
                    ) : (
                      <RouterAnchor size="sm" to="/intel/hits/$hitId" params={{ hitId: d.hitId }}>
                        {t('intel.disclosure.openHit')}
                      </RouterAnchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      <DecideModal request={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}

/** Requests to disclose this agency's records (to decide), and this agency's own requests (to follow). */
export function DisclosuresPanel() {
  return (
    <Stack gap="xl">
      <DisclosureTable direction="incoming" />
      <DisclosureTable direction="outgoing" />
    </Stack>
  );
}
