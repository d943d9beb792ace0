import type { Writable } from 'node:stream';

/** One line of the error report: a CSV row number (or a STIX object id), the field and why. */
export interface ImportError {
  row: number | string;
  field: string;
  message: string;
}

const cell = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The error report as CSV (`row,field,message`), quoted per RFC 4180. */
export function errorsCsv(errors: readonly ImportError[]): string {
  return `${['row,field,message', ...errors.map((e) => [e.row, e.field, e.message].map(cell).join(','))].join('\n')}\n`;
}

/**
 * Progress of an import: a bar redrawn in place on a terminal, a line every tenth of the way
 * otherwise (logs, CI), so a long import is never silent.
 */
export class Progress {
  private lastStep = -1;
  constructor(
    private readonly out: Writable & { isTTY?: boolean; columns?: number },
    private readonly total: number,
    /** What is counted (finance imports count transactions). */
    private readonly unit = 'reports',
  ) {}

  update(done: number, counts: { created: number; present: number; failed: number }): void {
    const tail = `${done}/${this.total} ${this.unit} · created ${counts.created} · already present ${counts.present} · failed ${counts.failed}`;
    if (this.out.isTTY) {
      const width = 24;
      const filled = this.total ? Math.round((done / this.total) * width) : width;
      this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${tail}\x1b[K`);
      if (done === this.total) this.out.write('\n');
      return;
    }
    const step = this.total ? Math.floor((done * 10) / this.total) : 10;
    if (step !== this.lastStep || done === this.total) {
      this.lastStep = step;
      this.out.write(`${tail}\n`);
    }
  }
}
