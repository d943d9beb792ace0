import type { Hit } from '@cordon/contracts';
import { Badge, Button, Card, Code, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor, RouterButton } from '../../../components/links.tsx';
import { GradeBadge } from '../shared/GradeBadge.tsx';
import { useIntelPermissions } from '../shared/intelRoles.ts';
import { DecisionDialog } from './DecisionDialog.tsx';
import { DisclosureDialog } from './DisclosureDialog.tsx';
import { useReasonText } from './reasonText.ts';

const STATUS_COLOUR: Record<Hit['status'], string> = { open: 'yellow', confirmed: 'green', rejected: 'gray' };

/**
 * One hit: what matched, who holds the other record and how reliable it is; a link to their
 * record when it is visible, otherwise a disclosure request; confirm / reject for fuzzy matches.
 */
export function HitCard({ hit, showMine = false }: { hit: Hit; showMine?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reasons = useReasonText().hit(hit);
  const perms = useIntelPermissions();
  const [asking, setAsking] = useState(false);
  const [decision, setDecision] = useState<'confirm' | 'reject' | null>(null);
  const { other } = hit;
  const fuzzy = hit.kind !== 'selector';
  const canAsk = !other.visible && perms.write && (hit.disclosure === null || hit.disclosure === 'declined');

  return (
    <Card withBorder padding="sm" component="article" data-testid="hit" aria-labelledby={`hit-${hit.id}`}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">{t(`intel.hitKinds.${hit.kind}`)}</Badge>
          <Badge variant="light" color={STATUS_COLOUR[hit.status]}>
            {t(`intel.hitStatus.${hit.status}`)}
          </Badge>
          {fuzzy ? (
            <Text size="xs" c="dimmed">
              {t('intel.hits.score', { score: Math.round(hit.score * 100) })}
            </Text>
          ) : null}
        </Group>
        <Text fw={600} id={`hit-${hit.id}`}>
          {other.visible && other.label
            ? t('intel.hits.matchedVisible', { mine: hit.mine.label, theirs: other.label })
            : t('intel.hits.matched', { mine: hit.mine.label })}
        </Text>
        {hit.kind === 'selector' ? <Code style={{ alignSelf: 'flex-start' }}>{hit.matchKey}</Code> : null}
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            {t('intel.hits.heldBy', { agency: other.agencyName, country: fmt.country(other.country) })}
          </Text>
          <GradeBadge grade={other.grade} />
        </Group>
        {reasons.length > 0 ? (
          <List size="sm" spacing={2} data-testid="hit-reasons">
            {reasons.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two reasons may read alike; the list is never reordered
              <List.Item key={i}>{r}</List.Item>
            ))}
          </List>
        ) : null}
        {hit.decision ? (
          <Text size="sm" c="dimmed">
            {t('intel.hits.decided', { status: t(`intel.hitStatus.${hit.status}`), at: fmt.dateTime(hit.decision.at) })}
            {hit.decision.note ? ` — ${hit.decision.note}` : ''}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap" mt={4}>
          {other.visible && other.reportId ? (
            <RouterButton size="xs" variant="light" to="/intel/reports/$reportId" params={{ reportId: other.reportId }}>
              {t('intel.hits.openTheirs')}
            </RouterButton>
          ) : null}
          {other.visible && other.entityId ? (
            <RouterButton
              size="xs"
              variant="subtle"
              to="/intel/entities/$entityId"
              params={{ entityId: other.entityId }}
            >
              {t('intel.hits.theirEntity')}
            </RouterButton>
          ) : null}
          {!other.visible ? (
            <Text size="sm" c="dimmed">
              {t('intel.hits.notVisible')}
            </Text>
          ) : null}
          {hit.disclosure ? (
            <Badge
              variant="outline"
              color={hit.disclosure === 'approved' ? 'green' : hit.disclosure === 'declined' ? 'red' : 'gray'}
            >
              {t(`intel.disclosure.${hit.disclosure}`)}
            </Badge>
          ) : null}
          {canAsk ? (
            <Button size="xs" onClick={() => setAsking(true)}>
              {t('intel.hits.requestDisclosure')}
            </Button>
          ) : null}
          {fuzzy && hit.status === 'open' && perms.write ? (
            <>
              <Button size="xs" variant="light" color="green" onClick={() => setDecision('confirm')}>
                {t('intel.hits.confirm')}
              </Button>
              <Button size="xs" variant="light" color="red" onClick={() => setDecision('reject')}>
                {t('intel.hits.reject')}
              </Button>
            </>
          ) : null}
        </Group>
        {showMine ? (
          <Group gap="md" wrap="wrap">
            <RouterAnchor size="sm" to="/intel/reports/$reportId" params={{ reportId: hit.mine.reportId }}>
              {t('intel.hits.myReport')}
            </RouterAnchor>
            <RouterAnchor size="sm" to="/intel/entities/$entityId" params={{ entityId: hit.mine.entityId }}>
              {t('intel.hits.myEntity', { label: hit.mine.label })}
            </RouterAnchor>
          </Group>
        ) : null}
      </Stack>
      <DisclosureDialog hitId={hit.id} holder={other.agencyName} opened={asking} onClose={() => setAsking(false)} />
      <DecisionDialog hitId={hit.id} decision={decision} onClose={() => setDecision(null)} />
    </Card>
  );
}
