import { Command } from 'commander';
import { isEmpty, seedDemo } from '../demo/index.ts';
import { chainPendingAudit } from '../platform/audit/pending.ts';
import { describeVerify, verifyAuditChain } from '../platform/audit/verify.ts';
import { systemClock } from '../platform/clock/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { FieldCipher } from '../platform/crypto/secrets.ts';
import { openAndMigrate } from '../runtime.ts';
import { registerAdminCommands } from './admin-commands.ts';
import { withContext } from './context.ts';
import { registerImportCommand } from './import-command.ts';
import { registerKeysCommands } from './keys-command.ts';
import { serve } from './serve.ts';

const program = new Command('cordon').description('Cordon: acting together against transnational scam centres');

program
  .command('serve', { isDefault: true })
  .description('run the API and the web console')
  .option('--demo', 'load the demo world into an empty database (default on the embedded database)')
  .option('--no-demo', 'never load the demo world')
  .action(async (o: { demo?: boolean }) => serve(loadConfig(), { demo: o.demo }));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const { database, applied } = await openAndMigrate(loadConfig());
    await database.close();
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  });

program
  .command('seed')
  .description('load the demo world into an empty database')
  .option('--scale <n>', 'multiply the synthetic volume (benchmarks)', '1')
  .action(async (o: { scale: string }) =>
    withContext(async (ctx) => {
      if (!(await isEmpty(ctx.database)))
        throw new Error('the database is not empty; the demo world goes only into an empty one');
      const s = await seedDemo(
        ctx.database,
        { clock: systemClock, cipher: new FieldCipher(ctx.config.secretKey), secretKey: ctx.config.secretKey },
        { scale: Number(o.scale) },
      );
      process.stdout.write(`demo world loaded: ${s.agencies} agencies, ${s.users} users, ${s.reports} reports\n`);
    }),
  );

program
  .command('audit')
  .description('the audit chain')
  .command('verify')
  .description('recompute every hash; name the first row that does not fit')
  .action(async () =>
    withContext(async (ctx) => {
      // Read audits wait unchained for a moment (platform/audit/pending.ts): chain them first.
      const chained = await chainPendingAudit(ctx.database);
      if (chained > 0) process.stdout.write(`chained ${chained} pending read records first\n`);
      const r = await verifyAuditChain(ctx.database.db);
      process.stdout.write(`${describeVerify(r)}\n`);
      if (!r.ok) process.exitCode = 1;
    }),
  );

registerAdminCommands(program);
registerImportCommand(program);
registerKeysCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`cordon: ${(e as Error).message}\n`);
  process.exit(1);
});
