import { Button, Card, Fieldset, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<R> {
  id: string;
  title: string;
  hint?: string;
  rows: R[];
  /** "Selector 2": the legend of a row, also used in the remove button's label. */
  rowLabel: (index: number) => string;
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  children: (row: R, index: number) => ReactNode;
}

/** A repeatable part of the form: one fieldset per row, with add and remove. */
export function RowsSection<R extends { ref: string }>(props: Props<R>) {
  const { t } = useTranslation();
  const { id, title, hint, rows, rowLabel, addLabel, onAdd, onRemove, children } = props;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      {hint ? (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      ) : null}
      <Stack gap="sm" mt="xs">
        {rows.map((row, i) => (
          <Fieldset key={row.ref} legend={rowLabel(i)} data-row={`${id}-${i}`} variant="filled" p="sm">
            {children(row, i)}
            <Group justify="flex-end" mt="xs">
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => onRemove(i)}
                aria-label={t('intel.form.removeRow', { row: rowLabel(i) })}
              >
                {t('intel.form.remove')}
              </Button>
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button variant="light" size="sm" onClick={onAdd}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
