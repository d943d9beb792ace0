import { Badge, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { taxonomyQuery } from '../api/reportsApi.ts';

/** The modus-operandi tags of a record, labelled from the taxonomy. */
export function MoTagBadges({ codes }: { codes: string[] }) {
  const { data } = useQuery(taxonomyQuery);
  if (codes.length === 0) return null;
  const label = (code: string) => data?.find((t) => t.code === code)?.label ?? code;
  return (
    <Group gap={4} component="span" wrap="wrap">
      {codes.map((code) => (
        <Badge key={code} variant="light" color="grape" size="sm" tt="none">
          {label(code)}
        </Badge>
      ))}
    </Group>
  );
}
