import type { Command } from 'commander';
import { PersonalData } from '../features/rescue/personal-data.ts';
import { rescueEncryptedColumns } from '../features/rescue/rekey.ts';
import { createAuditor } from '../platform/audit/audit.ts';
import { systemClock } from '../platform/clock/clock.ts';
import { type EncryptedColumns, keyUsage, rekeyAll } from '../platform/crypto/rekey.ts';
import type { FieldCipher } from '../platform/crypto/secrets.ts';
import { type CliContext, withContext } from './context.ts';

/** Every column written with the platform key (FieldCipher), feature by feature. */
export function encryptedColumns(cipher: FieldCipher, secretKey: Buffer): EncryptedColumns[] {
  return [
    // agencies: TOTP secrets (current and pending enrolment)
    { table: 'users', key: 'id', columns: ['totp_secret_enc', 'totp_pending_enc'] },
    // platform: webhook signing secrets
    { table: 'webhooks', key: 'id', columns: ['secret_enc'] },
    // awareness: reports from the public and their additions
    { table: 'public_reports', key: 'id', columns: ['details_enc', 'contact_enc'] },
    { table: 'public_report_additions', key: 'id', columns: ['text_enc'] },
    // rescue: victims' personal fields (with key ids, blind keys and derived row keys)
    ...rescueEncryptedColumns(new PersonalData(cipher, secretKey)),
  ];
}

const say = (m: string) => void process.stdout.write(`${m}\n`);

/** Runs `cordon keys rekey` on a context (exported for the tests). */
export async function runRekey(ctx: CliContext, o: { batch: number }, print: (m: string) => void = say) {
  print(`re-encrypting to key ${ctx.cipher.keyId} (readable keys: ${ctx.cipher.keyIds.join(', ')})`);
  const counts = await rekeyAll(ctx.database, {
    cipher: ctx.cipher,
    tables: encryptedColumns(ctx.cipher, ctx.config.secretKey),
    audit: createAuditor(systemClock),
    viewer: await ctx.system(),
    batchSize: o.batch,
    onProgress: (p) => print(`  ${p.table}: ${p.rewritten} rewritten, ${p.remaining} to go`),
  });
  for (const c of counts)
    print(`${c.table}: ${c.rewritten} rewritten; ${c.current} rows with nothing under an older key`);
  print(`done: ${counts.reduce((n, c) => n + c.rewritten, 0)} rows re-encrypted to key ${ctx.cipher.keyId}`);
  return counts;
}

/** `cordon keys status` and `cordon keys rekey`: rotation of the platform key (docs/data-protection.md). */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('the platform key (CORDON_SECRET_KEY) and its rotation');
  keys
    .command('status')
    .description('encrypted values per table and key id (an earlier key may go once no value names it)')
    .action(() =>
      withContext(async (ctx) => {
        say(`current key: ${ctx.cipher.keyId}; readable: ${ctx.cipher.keyIds.join(', ')}`);
        for (const u of await keyUsage(ctx.database, encryptedColumns(ctx.cipher, ctx.config.secretKey)))
          say(
            `${u.table.padEnd(26)} ${u.keyId}${u.keyId === ctx.cipher.keyId ? ' (current)' : ''}  ${u.values} values`,
          );
      }),
    );
  keys
    .command('rekey')
    .description(
      're-encrypt every value under an earlier key to the current key, in batches (one transaction each); safe to stop and run again',
    )
    .option('--batch <n>', 'rows per transaction', '500')
    .action((o: { batch: string }) =>
      withContext(async (ctx) => {
        const batch = Number(o.batch);
        if (!Number.isInteger(batch) || batch < 1) throw new Error('--batch must be a positive integer');
        await runRekey(ctx, { batch });
      }),
    );
}
