import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { searchQuery } from '../api/linksApi.ts';
import { Loading } from '../shared/Loading.tsx';
import { SearchResults } from './SearchResults.tsx';

/** One box for phone numbers, e-mails, wallets, names (any script), scam centres and modus operandi. */
export function SearchPage({ q }: { q: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const result = useQuery(searchQuery(q));
  return (
    <Stack gap="lg">
      <PageHeader title={t('intel.search.title')} intro={t('intel.search.intro')} />
      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void navigate({ to: '/intel/search', search: text.trim() ? { q: text.trim() } : {} });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label={t('intel.search.label')}
              description={t('intel.search.hint')}
              type="search"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              minLength={2}
              style={{ flex: 1, maxWidth: 560 }}
              autoComplete="off"
            />
            <Button type="submit">{t('intel.search.submit')}</Button>
          </Group>
        </form>
      </search>
      {q && q.trim().length < 2 ? <Text c="dimmed">{t('intel.search.tooShort')}</Text> : null}
      <ProblemAlert error={result.error} />
      {result.isFetching && !result.data ? <Loading /> : null}
      {result.data ? <SearchResults result={result.data} /> : null}
    </Stack>
  );
}
