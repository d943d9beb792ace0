import type { PublicCampaign } from '@cordon/contracts';
import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { portalApi } from '../api.ts';
import { type Key, useI18n } from '../i18n.tsx';
import { type PortalPath, useLink } from '../nav.tsx';
import { usePortal } from '../state.tsx';

function ActionCard({ to, title, text }: { to: PortalPath; title: Key; text: Key }) {
  const { t } = useI18n();
  const link = useLink(to);
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h3">
        <a {...link}>{t(title)}</a>
      </Title>
      <Text mt="xs">{t(text)}</Text>
    </Card>
  );
}

export function HomePage() {
  const { t, lang } = useI18n();
  const { country, campaign } = usePortal();
  const [campaigns, setCampaigns] = useState<PublicCampaign[]>([]);
  useEffect(() => {
    portalApi.campaigns(lang, country || undefined).then(
      (list) => {
        setCampaigns(list);
        // Aggregate counters only: one view per campaign shown, no visitor identifier.
        for (const c of list) void portalApi.reach(c.code, 'view', country || undefined).catch(() => {});
      },
      () => setCampaigns([]),
    );
  }, [lang, country]);
  // Counted once per visit that came through a campaign link (?c=code).
  const [arrived] = useState(() => ({ campaign, country }));
  useEffect(() => {
    if (arrived.campaign) void portalApi.reach(arrived.campaign, 'click', arrived.country || undefined).catch(() => {});
  }, [arrived]);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.title')}</Title>
      <Text size="lg">{t('home.intro')}</Text>
      {campaigns.length > 0 && (
        <section aria-labelledby="campaigns-title">
          <Title order={2} id="campaigns-title" mb="sm">
            {t('home.campaigns')}
          </Title>
          <Stack gap="sm">
            {campaigns.map((c) => (
              <Alert key={c.code} color="blue" variant="light" title={c.title} lang={c.lang}>
                {c.body}
              </Alert>
            ))}
          </Stack>
        </section>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ActionCard to="/check-job" title="nav.checkJob" text="home.checkJob" />
        <ActionCard to="/check-message" title="nav.checkMessage" text="home.checkMessage" />
        <ActionCard to="/report-scam" title="nav.reportScam" text="home.reportScam" />
        <ActionCard to="/report-relative" title="nav.reportRelative" text="home.reportRelative" />
        <ActionCard to="/help" title="nav.help" text="home.help" />
      </SimpleGrid>
      <section aria-labelledby="signs-title">
        <Title order={2} id="signs-title" mb="sm">
          {t('home.signsTitle')}
        </Title>
        <List spacing="xs">
          <List.Item>{t('home.sign1')}</List.Item>
          <List.Item>{t('home.sign2')}</List.Item>
          <List.Item>{t('home.sign3')}</List.Item>
          <List.Item>{t('home.sign4')}</List.Item>
        </List>
      </section>
    </Stack>
  );
}
