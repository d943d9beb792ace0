import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert.tsx';

/**
 * A small form in a bordered card: a heading that names the section, the fields, the problem of
 * the last attempt when no field is at fault (field errors show on the fields) and a submit button.
 */
export function FormCard({
  titleId,
  title,
  heading = 'h2',
  submitLabel,
  pending,
  error,
  fieldErrors,
  onSubmit,
  children,
}: {
  titleId: string;
  title: string;
  heading?: 'h2' | 'h3';
  submitLabel: string;
  pending: boolean;
  error: unknown;
  fieldErrors: Record<string, string>;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          <Text id={titleId} fw={700} component={heading}>
            {title}
          </Text>
          {children}
          {error && Object.keys(fieldErrors).length === 0 ? <ProblemAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
