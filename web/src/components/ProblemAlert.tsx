import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';

/** The localised headline for an error, by HTTP status; the server's own words go below it. */
export function useErrorTitle(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!isApiError(error)) return t('errors.generic');
    if (error.status === 0) return t('errors.network');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 409) return t('errors.conflict');
    if (error.status === 400 || error.status === 422) return error.problem?.title ?? t('errors.invalid');
    return error.problem?.title ?? t('errors.generic');
  };
}

interface Props {
  error: unknown;
  /** Replaces the headline (e.g. the login page's own wording for 401). */
  title?: string;
  children?: ReactNode;
}

/** An RFC 9457 problem shown as an alert: headline, the problem's `detail`, then anything extra. */
export function ProblemAlert({ error, title, children }: Props) {
  const headline = useErrorTitle();
  if (!error) return null;
  const detail = isApiError(error) ? error.problem?.detail : undefined;
  const heading = title ?? headline(error);
  return (
    <Alert color="red" variant="light" title={heading} role="alert">
      {detail && detail !== heading ? <Text size="sm">{detail}</Text> : null}
      {children}
    </Alert>
  );
}
