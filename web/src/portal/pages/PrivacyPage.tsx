import { Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n.tsx';

export function PrivacyPage() {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Title order={1}>{t('privacy.title')}</Title>
      <Text>{t('privacy.p1')}</Text>
      <Text>{t('privacy.p2')}</Text>
      <Text>{t('privacy.p3')}</Text>
      <Text>{t('privacy.p4')}</Text>
      <Text>{t('privacy.p5')}</Text>
    </Stack>
  );
}
