import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Previous / next for offset-paged lists (the API gives no total). */
export function Pager({ page, hasNext, onPage }: { page: number; hasNext: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (page === 1 && !hasNext) return null;
  return (
    <Group gap="sm" justify="flex-end">
      <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('intel.pager.previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('intel.pager.page', { page })}
      </Text>
      <Button variant="default" size="xs" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        {t('intel.pager.next')}
      </Button>
    </Group>
  );
}
