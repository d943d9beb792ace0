import type { CentreStatus } from '../api/types.ts';
import { STATUS_COLOURS } from '../shared/palette.ts';

/** A status drawn with its colour and its own shape, so it reads without colour too. */
export function StatusMark({ status, x, y, r }: { status: CentreStatus; x: number; y: number; r: number }) {
  const common = { fill: STATUS_COLOURS[status], stroke: '#ffffff', strokeWidth: 1.5 };
  switch (status) {
    case 'raided':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...common} />;
    case 'relocated':
      return (
        <path d={`M${x},${y - r * 1.2} L${x + r * 1.1},${y + r * 0.9} L${x - r * 1.1},${y + r * 0.9} Z`} {...common} />
      );
    case 'closed':
      return (
        <path
          d={`M${x},${y - r * 1.25} L${x + r * 1.25},${y} L${x},${y + r * 1.25} L${x - r * 1.25},${y} Z`}
          {...common}
        />
      );
    default:
      return <circle cx={x} cy={y} r={r} {...common} />;
  }
}
