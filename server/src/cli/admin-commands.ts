import { ROLES, type Role, SCOPES, type Scope } from '@cordon/contracts';
import type { Command } from 'commander';
import { DEMO_EMAIL_DOMAIN } from '../demo/accounts.ts';
import { currentTotp } from '../platform/auth/totp.ts';
import { withContext } from './context.ts';

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const out = (x: unknown): void =>
  void process.stdout.write(`${typeof x === 'string' ? x : JSON.stringify(x, null, 2)}\n`);

function checkAll<T extends string>(given: string[], allowed: readonly T[], what: string): T[] {
  const bad = given.filter((g) => !allowed.includes(g as T));
  if (bad.length) throw new Error(`unknown ${what}: ${bad.join(', ')} (allowed: ${allowed.join(', ')})`);
  return given as T[];
}

/** `cordon users …` and `cordon tokens …`: the same services the console uses, run as the hub. */
export function registerAdminCommands(program: Command): void {
  const users = program.command('users').description('manage accounts');
  users
    .command('list')
    .requiredOption('--agency <id>', 'agency id')
    .action((o: { agency: string }) =>
      withContext(async (ctx) => out(await ctx.agencies.users.list(await ctx.system(), o.agency))),
    );
  users
    .command('create')
    .requiredOption('--agency <id>', 'agency id')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .requiredOption('--password <password>', 'at least 12 characters')
    .action((o: { agency: string; email: string; name: string; roles: string; password: string }) =>
      withContext(async (ctx) => {
        const roles = checkAll<Role>(list(o.roles), ROLES, 'role');
        if (o.password.length < 12) throw new Error('the password must have at least 12 characters');
        out(
          await ctx.agencies.users.create(await ctx.system(), {
            agencyId: o.agency,
            email: o.email,
            displayName: o.name,
            roles,
            password: o.password,
          }),
        );
      }),
    );
  users
    .command('reset-mfa <email>')
    .description('clear a user’s MFA; they enrol again')
    .action((email: string) =>
      withContext(async (ctx) => {
        const u = await ctx.agencies.repos.users.byEmail(ctx.database.db, email);
        if (!u) throw new Error(`no user ${email}`);
        await ctx.agencies.users.resetMfa(await ctx.system(), u.id);
        out(`MFA reset for ${email}`);
      }),
    );

  const tokens = program.command('tokens').description('API tokens for machine clients');
  tokens
    .command('issue')
    .requiredOption('--as <email>', 'the agency administrator issuing it')
    .requiredOption('--name <name>')
    .requiredOption('--scopes <scopes>', `comma-separated: ${SCOPES.join(', ')}`)
    .option('--days <n>', 'days until it expires', '90')
    .action((o: { as: string; name: string; scopes: string; days: string }) =>
      withContext(async (ctx) => {
        const scopes = checkAll<Scope>(list(o.scopes), SCOPES, 'scope');
        const r = await ctx.agencies.tokens.issue(await ctx.as(o.as), {
          name: o.name,
          scopes,
          expiresInDays: Number(o.days),
        });
        out(`token (shown once): ${r.token}`);
        out(r.apiToken);
      }),
    );
  tokens
    .command('list')
    .requiredOption('--as <email>')
    .action((o: { as: string }) => withContext(async (ctx) => out(await ctx.agencies.tokens.list(await ctx.as(o.as)))));
  tokens
    .command('revoke <id>')
    .requiredOption('--as <email>')
    .action((id: string, o: { as: string }) =>
      withContext(async (ctx) => {
        await ctx.agencies.tokens.revoke(await ctx.as(o.as), id);
        out(`revoked ${id}`);
      }),
    );

  program
    .command('demo')
    .description('helpers for the demo world')
    .command('totp <email>')
    .description('print the current TOTP code of a demo account')
    .action((email: string) =>
      withContext(async (ctx) => {
        if (!email.toLowerCase().endsWith(`.${DEMO_EMAIL_DOMAIN}`)) throw new Error('only for demo accounts');
        const u = await ctx.agencies.repos.users.byEmail(ctx.database.db, email);
        if (!u?.totp_secret_enc) throw new Error(`${email} has no MFA enrolled`);
        out(currentTotp(ctx.cipher.decrypt(u.totp_secret_enc), new Date()));
      }),
    );
}
