import type { DirectoryEntry } from '@cordon/contracts';
import { Alert, Anchor, Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { portalApi } from '../api.ts';
import { CountrySelect } from '../components.tsx';
import { type Key, useI18n } from '../i18n.tsx';
import { usePortal } from '../state.tsx';

export function HelpPage() {
  const { t } = useI18n();
  const { country, setCountry } = usePortal();
  const [entries, setEntries] = useState<DirectoryEntry[] | null>(null);
  useEffect(() => {
    setEntries(null);
    portalApi.directory(country || undefined).then(setEntries, () => setEntries([]));
  }, [country]);
  return (
    <Stack gap="md">
      <Title order={1}>{t('help.title')}</Title>
      <Text>{t('help.intro')}</Text>
      <Alert color="red" variant="light">
        {t('help.emergency')}
      </Alert>
      <CountrySelect value={country} onChange={setCountry} />
      {entries?.some((e) => e.demo) && (
        <Alert color="yellow" variant="light">
          {t('help.demo')}
        </Alert>
      )}
      {entries && entries.length === 0 && <Text>{t('help.none')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {entries?.map((e) => (
          <Card key={e.id} withBorder padding="md">
            <Badge variant="light" style={{ alignSelf: 'flex-start' }} mb={6}>
              {t(`help.kind.${e.kind}` as Key)}
            </Badge>
            <Title order={2} size="h4">
              {e.name}
            </Title>
            {e.phone && (
              <Text mt="xs">
                <Anchor href={`tel:${e.phone.replace(/\s/g, '')}`}>{e.phone}</Anchor>
              </Text>
            )}
            {e.url && (
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {e.url}
              </Text>
            )}
            {e.notes && (
              <Text size="sm" c="dimmed" mt="xs">
                {e.notes}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
