import { Badge, Group } from '@mantine/core';
import { useMoTags } from './useMoTags.ts';

/** The modus-operandi tags of a record, labelled from the taxonomy in the user's language. */
export function MoTagBadges({ codes }: { codes: string[] }) {
  const { label } = useMoTags();
  if (codes.length === 0) return null;
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
