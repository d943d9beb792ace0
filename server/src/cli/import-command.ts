import type { Marking } from '@cordon/contracts';
import type { Command } from 'commander';
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
    .action((file: string, o: ImportFlags) =>
      withContext(async (ctx) => {
        const viewer = await ctx.as(o.as);
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
