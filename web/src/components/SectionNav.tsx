import { Box, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { RouterButton } from './links.tsx';

export interface SectionTab {
  key: string;
  to: string;
  label: string;
  /** Shown after the label (e.g. an unread count). */
  right?: ReactNode;
}

/**
 * An area's sections as a row of links (the current one marked for screen readers too); the row
 * scrolls sideways on a phone instead of wrapping.
 */
export function SectionNav({
  label,
  tabs,
  isCurrent,
}: {
  label: string;
  tabs: readonly SectionTab[];
  isCurrent: (to: string) => boolean;
}) {
  return (
    <Box component="nav" aria-label={label} style={{ overflowX: 'auto' }} pb={2}>
      <Group gap={4} wrap="nowrap">
        {tabs.map((tab) => {
          const active = isCurrent(tab.to);
          return (
            <RouterButton
              key={tab.key}
              to={tab.to}
              size="sm"
              variant={active ? 'light' : 'subtle'}
              aria-current={active ? 'page' : undefined}
              style={{ flexShrink: 0 }}
              rightSection={tab.right}
            >
              {tab.label}
            </RouterButton>
          );
        })}
      </Group>
    </Box>
  );
}
