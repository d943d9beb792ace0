import type { RescueStage, RiskLevel, Role } from '@cordon/contracts';
import { Badge, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** As the server decides (it checks again). */
export const RESCUE_READERS: Role[] = ['investigator', 'supervisor', 'case-worker', 'analyst', 'hub-reviewer'];
export const RESCUE_WRITERS: Role[] = ['investigator', 'supervisor', 'case-worker'];

export const RISK_COLOURS: Record<RiskLevel, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'gray',
};

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={RISK_COLOURS[risk]}
      variant={risk === 'critical' ? 'filled' : 'light'}
      data-testid="risk"
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(`rescue.risk.${risk}`)}
    </Badge>
  );
}

export function StageBadge({ stage }: { stage: RescueStage }) {
  const { t } = useTranslation();
  return (
    <Badge color="blue" variant="outline" data-testid="stage">
      {t(`rescue.stage.${stage}`)}
    </Badge>
  );
}

/**
 * The server's "now" moved forward with the browser's clock since it was read: countdowns count
 * against the server's clock, which a test may have moved.
 */
export function useServerNow(serverNow: string | undefined): number {
  const [anchor, setAnchor] = useState(() => ({ server: Date.now(), local: Date.now() }));
  useEffect(() => {
    if (serverNow) setAnchor({ server: new Date(serverNow).getTime(), local: Date.now() });
  }, [serverNow]);
  const [tick, setTick] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);
  return anchor.server + (tick - anchor.local);
}

function parts(ms: number) {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}m ${String(sec).padStart(2, '0')}s`;
}

/** Time left to the step's deadline, red when under an hour or past it. */
export function Countdown({ deadline, now, breached }: { deadline: string | null; now: number; breached: boolean }) {
  const { t } = useTranslation();
  if (!deadline)
    return (
      <Text size="sm" c="dimmed">
        {t('rescue.noDeadline')}
      </Text>
    );
  const left = new Date(deadline).getTime() - now;
  const over = left <= 0 || breached;
  return (
    <Text size="sm" fw={600} c={over || left < 3600_000 ? 'red.9' : undefined} data-testid="countdown" aria-live="off">
      {over ? t('rescue.overdue', { time: parts(left) }) : t('rescue.left', { time: parts(left) })}
    </Text>
  );
}
