import { PAP_LEVELS, TLP_LEVELS } from '@cordon/contracts';
import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdmiraltyGrade, MarkingBadge, PapBadge, TlpBadge } from '../../components/MarkingBadge.tsx';

/** A small legend of the handling markings that every shared record carries. */
export function MarkingLegend() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="legend-title">
      <Title order={2} size="h4" id="legend-title" mb="sm">
        {t('markings.legend')}
      </Title>
      <Stack gap="md">
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('markings.tlp')}
          </Text>
          <Table verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false}>
            <Table.Tbody>
              {TLP_LEVELS.map((level) => (
                <Table.Tr key={level}>
                  <Table.Td>
                    <TlpBadge level={level} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`markings.tlpDesc.${level}`)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('markings.pap')}
          </Text>
          <Group gap={6}>
            {PAP_LEVELS.map((level) => (
              <PapBadge key={level} level={level} />
            ))}
          </Group>
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('markings.admiralty')}
          </Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <AdmiraltyGrade reliability="B" credibility="2" />
            <Text size="sm">
              {t('markings.reliability.B')}, {t('markings.credibility.2').toLowerCase()}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('markings.admiraltyExample')}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('markings.example')}
          </Text>
          <MarkingBadge marking={{ tlp: 'AMBER', pap: 'GREEN', reliability: 'B', credibility: '2' }} />
        </div>
      </Stack>
    </Card>
  );
}
