import { type Marking, TLP_LEVELS, TX_SOURCES } from '@cordon/contracts';
import type { Command } from 'commander';
import { importTransactions } from '../features/finance/import/tx-import.ts';
import { runImport } from '../features/intel/bulk/import-run.ts';
import { withContext } from './context.ts';

/** What a STIX bundle does not mark is read as TLP:AMBER, PAP:AMBER, grade F6, all members. */
export const STIX_DEFAULT_MARKING: Marking = {
  tlp: 'AMBER',
  audience: { kind: 'all' },
  pap: 'AMBER',
  reliability: 'F',
  credibility: '6',
};

interface ImportFlags {
  as: string;
  format?: string;
  dryRun?: boolean;
  errors?: string;
  transactions?: string;
  tlp?: string;
}

/**
 * `cordon import <file> --as <email>`: a bulk CSV (features/intel/bulk/README.md) or a STIX 2.1
 * bundle (features/intel/stix/README.md), submitted through the intel service as that user (big
 * files in bulk batches: ReportsService.submitBatch). Re-running the same file is safe: reports already stored are counted, not repeated.
 * Exit code 1 when any row or report failed.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import <file>')
    .description('import intelligence reports from a bulk CSV file or a STIX 2.1 bundle')
    .requiredOption('--as <email>', 'submit as this user; their agency holds the reports')
    .option('--format <format>', 'csv or stix (default: from the file extension, else the content)')
    .option('--dry-run', 'parse and validate only; submit nothing')
    .option('--errors <file>', 'write the per-row error report (CSV: row, field, message) to this file')
    .option(
      '--transactions <source>',
      `import financial transactions instead (${TX_SOURCES.join(', ')}): CSV or JSON, see features/finance/import/tx-file.ts`,
    )
    .option('--tlp <level>', 'marking of imported transactions (audience: all members)', 'AMBER')
    .action((file: string, o: ImportFlags) =>
      withContext(async (ctx) => {
        const viewer = await ctx.as(o.as);
        if (o.transactions !== undefined) {
          const source = o.transactions as (typeof TX_SOURCES)[number];
          const tlp = (o.tlp ?? 'AMBER').toUpperCase() as Marking['tlp'];
          if (!TX_SOURCES.includes(source)) throw new Error(`--transactions must be one of ${TX_SOURCES.join(', ')}`);
          if (!TLP_LEVELS.includes(tlp) || tlp === 'RED' || tlp === 'AMBER+STRICT') {
            throw new Error('--tlp must be CLEAR, GREEN or AMBER (narrower audiences go through the API)');
          }
          const s = await importTransactions(
            { record: (batch) => ctx.finance.transactions.record(viewer, batch), out: process.stdout },
            {
              file,
              source,
              marking: {
                tlp,
                audience: { kind: 'all' },
                pap: tlp === 'CLEAR' ? 'CLEAR' : 'AMBER',
                reliability: 'B',
                credibility: '2',
              },
              ...(o.format === 'csv' || o.format === 'json' ? { format: o.format } : {}),
              dryRun: o.dryRun === true,
              ...(o.errors ? { errorsFile: o.errors } : {}),
            },
          );
          if (s.errors.length > 0) process.exitCode = 1;
          return;
        }
        const moTags = new Set((await ctx.intel.taxonomy.list()).map((t) => t.code));
        const summary = await runImport(
          {
            submit: (input, requestId) => ctx.intel.reports.submit(viewer, input, { requestId }),
            submitBatch: (inputs, requestId) =>
              ctx.intel.reports.submitBatch(
                inputs.map((input) => ({ viewer, input })),
                { requestId },
              ),
            out: process.stdout,
            err: process.stderr,
          },
          {
            file,
            format: o.format as 'csv' | 'stix' | undefined,
            dryRun: o.dryRun === true,
            errorsFile: o.errors,
            defaultCountry: viewer.country,
            moTags,
            defaultMarking: STIX_DEFAULT_MARKING,
          },
        );
        if (summary.errors.length > 0 || summary.failed > 0) process.exitCode = 1;
      }),
    );
}
