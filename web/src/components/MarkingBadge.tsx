import type { Marking, Pap, Tlp } from '@cordon/contracts';
import { Group } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** Text colours on black, exactly as TLP 2.0 (FIRST) defines them; PAP reuses them. */
export const TLP_COLOURS: Record<Tlp, string> = {
  CLEAR: '#FFFFFF',
  GREEN: '#33FF00',
  AMBER: '#FFC000',
  'AMBER+STRICT': '#FFC000',
  RED: '#FF2B2B',
};

const chip = (colour: string): CSSProperties => ({
  display: 'inline-block',
  background: '#000000',
  color: colour,
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontWeight: 700,
  fontSize: '0.8125rem',
  lineHeight: 1.4,
  padding: '1px 8px',
  borderRadius: 3,
  letterSpacing: '0.02em',
  whiteSpace: 'nowrap',
});

export function TlpBadge({ level }: { level: Tlp }) {
  const { t } = useTranslation();
  return (
    <span style={chip(TLP_COLOURS[level])} title={t(`markings.tlpDesc.${level}`)} data-tlp={level}>
      TLP:{level}
    </span>
  );
}

export function PapBadge({ level }: { level: Pap }) {
  const { t } = useTranslation();
  return (
    <span style={chip(TLP_COLOURS[level])} title={t(`markings.papDesc.${level}`)} data-pap={level}>
      PAP:{level}
    </span>
  );
}

type Reliability = Marking['reliability'];
type Credibility = Marking['credibility'];

/** Admiralty grade such as "B2", with its meaning for screen readers and on hover. */
export function AdmiraltyGrade({ reliability, credibility }: { reliability: Reliability; credibility: Credibility }) {
  const { t } = useTranslation();
  const grade = `${reliability}${credibility}`;
  const meaning = t('markings.grade', {
    grade,
    reliability: t(`markings.reliability.${reliability}`),
    credibility: t(`markings.credibility.${credibility}`),
  });
  return (
    <abbr
      title={meaning}
      aria-label={meaning}
      style={{ ...chip('#FFFFFF'), background: '#343A40', textDecoration: 'none', cursor: 'help' }}
    >
      {grade}
    </abbr>
  );
}

/** A record's full marking: TLP, PAP and Admiralty grade. */
export function MarkingBadge({ marking }: { marking: Pick<Marking, 'tlp' | 'pap' | 'reliability' | 'credibility'> }) {
  return (
    <Group gap={6} wrap="wrap" component="span">
      <TlpBadge level={marking.tlp} />
      <PapBadge level={marking.pap} />
      <AdmiraltyGrade reliability={marking.reliability} credibility={marking.credibility} />
    </Group>
  );
}
