import { Stack, Tabs } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { AlertsList } from './AlertsList.tsx';
import { DisclosuresPanel } from './DisclosuresPanel.tsx';
import { UnreadCount } from './UnreadCount.tsx';

export type InboxTab = 'alerts' | 'disclosures';

/** The agency's intelligence inbox: alerts (hits, watchlist matches, disclosures) and disclosure requests. */
export function InboxPage({ tab }: { tab: InboxTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <PageHeader title={t('intel.inbox.title')} intro={t('intel.inbox.intro')} />
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({ to: '/intel/inbox', search: v === 'disclosures' ? { tab: 'disclosures' } : {} })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="alerts" rightSection={<UnreadCount testId="intel-unread-inbox" />}>
            {t('intel.inbox.alerts')}
          </Tabs.Tab>
          <Tabs.Tab value="disclosures">{t('intel.inbox.disclosures')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="alerts" pt="md">
          <AlertsList />
        </Tabs.Panel>
        <Tabs.Panel value="disclosures" pt="md">
          <DisclosuresPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
