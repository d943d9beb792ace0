import { CREDIBILITY, type Marking, RELIABILITY } from '@cordon/contracts';
import { Code } from '@mantine/core';
import { AdmiraltyGrade } from '../../../components/MarkingBadge.tsx';

/** "B2" as the Admiralty grade badge, with its meaning; anything else as plain code. */
export function GradeBadge({ grade }: { grade: string }) {
  const r = grade.slice(0, 1) as Marking['reliability'];
  const c = grade.slice(1) as Marking['credibility'];
  if (RELIABILITY.includes(r) && CREDIBILITY.includes(c)) return <AdmiraltyGrade reliability={r} credibility={c} />;
  return <Code>{grade}</Code>;
}
