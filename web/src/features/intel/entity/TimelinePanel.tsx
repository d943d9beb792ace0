import type { TimelineEvent } from '@cordon/contracts';
import { Badge, Card, Group, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { TlpBadge } from '../../../components/MarkingBadge.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { timelineQuery } from '../api/linksApi.ts';
import { GradeBadge } from '../shared/GradeBadge.tsx';
import { Loading } from '../shared/Loading.tsx';
import { useAgencyNames } from '../shared/useAgencyNames.ts';

const COLOUR: Record<TimelineEvent['type'], string> = {
  report: 'blue',
  relationship: 'teal',
  hit: 'red',
  disclosure: 'grape',
};

function useEventText() {
  const { t } = useTranslation();
  const agencies = useAgencyNames();
  return (e: TimelineEvent): string => {
    const agency = agencies.name(e.agencyId);
    switch (e.type) {
      case 'report':
        return t('intel.entity.timeline.report', { title: e.reportTitle ?? '' });
      case 'relationship': {
        const r = e.relationship;
        if (!r) return '';
        const other = r.other ? r.other.label : t('intel.entity.timeline.hiddenEnd');
        const rel = t(`intel.relTypes.${r.type}`);
        return r.direction === 'out'
          ? t('intel.entity.timeline.relOut', { rel, other })
          : t('intel.entity.timeline.relIn', { rel, other });
      }
      case 'hit':
        return e.hit?.visible && e.reportTitle
          ? t('intel.entity.timeline.hitVisible', { title: e.reportTitle })
          : t('intel.entity.timeline.hitHidden');
      case 'disclosure': {
        const d = e.disclosure;
        if (!d) return '';
        const side = d.outgoing ? 'Out' : 'In';
        return t(`intel.entity.timeline.disclosure.${d.step}${side}`, { agency });
      }
    }
  };
}

/** Everything dated that touched the entity (or the same selector), oldest first, each with its agency and marking. */
export function TimelinePanel({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const agencies = useAgencyNames();
  const events = useQuery(timelineQuery(entityId));
  const text = useEventText();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="timeline-title" data-testid="entity-timeline">
      <Title order={2} size="h4" id="timeline-title">
        {t('intel.entity.timeline.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('intel.entity.timeline.intro')}
      </Text>
      <ProblemAlert error={events.error} />
      {events.isPending ? <Loading /> : null}
      {events.data?.length === 0 ? <Text size="sm">{t('intel.entity.timeline.empty')}</Text> : null}
      {events.data && events.data.length > 0 ? (
        <Timeline
          active={events.data.length - 1}
          bulletSize={14}
          lineWidth={2}
          aria-label={t('intel.entity.timeline.listLabel')}
        >
          {events.data.map((e, i) => (
            <Timeline.Item
              // Events have no id of their own; their order is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              color={COLOUR[e.type]}
              data-testid="timeline-event"
              data-type={e.type}
              title={
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {text(e)}
                </Text>
              }
            >
              <Group gap="xs" wrap="wrap" mt={4}>
                <Badge variant="light" color={COLOUR[e.type]} size="sm">
                  {t(`intel.entity.timeline.types.${e.type}`)}
                </Badge>
                <Text size="xs">
                  <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                </Text>
                <Text size="xs">{agencies.name(e.agencyId)}</Text>
                {e.marking ? <TlpBadge level={e.marking.tlp} /> : null}
                <GradeBadge grade={e.grade} />
                {e.marking ? null : (
                  <Text size="xs" c="dimmed">
                    {t('intel.entity.timeline.markingHidden')}
                  </Text>
                )}
                {e.type === 'hit' && e.hit ? (
                  <RouterAnchor size="xs" to="/intel/hits/$hitId" params={{ hitId: e.hit.id }}>
                    {t('intel.entity.timeline.openHit')}
                  </RouterAnchor>
                ) : e.reportId && e.type !== 'disclosure' ? (
                  <RouterAnchor size="xs" to="/intel/reports/$reportId" params={{ reportId: e.reportId }}>
                    {t('intel.entity.timeline.openReport')}
                  </RouterAnchor>
                ) : null}
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      ) : null}
    </Card>
  );
}
