import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface CommonArgs {
  seconds: number;
  warmup: number;
  connections: number;
  rounds: number;
  driver: 'pglite' | 'postgres';
  /** Also measure the parts of the figure, where the benchmark has them. */
  breakdown: boolean;
}

export const USAGE_COMMON = `  --seconds N       measured seconds per target (default 10)
  --warmup N        warm-up seconds per target, discarded (default 2)
  --connections N   concurrent connections (default 10)
  --rounds N        measure every target N times, interleaved; report the medians (default 1)
  --breakdown       also measure the parts of the figure (slower)
  --driver D        pglite (default) or postgres (DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)`;

/** The options every HTTP benchmark takes; exits with the usage on anything else. */
export function parseCommonArgs(argv: string[], usage: string): CommonArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        seconds: { type: 'string', default: '10' },
        warmup: { type: 'string', default: '2' },
        connections: { type: 'string', default: '10' },
        rounds: { type: 'string', default: '1' },
        driver: { type: 'string', default: 'pglite' },
        breakdown: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    fail(usage, (e as Error).message);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const num = (key: string, min: number, max: number): number => {
    const n = Number(values[key]);
    if (!Number.isInteger(n) || n < min || n > max)
      fail(usage, `--${key} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const driver = values.driver;
  if (driver !== 'pglite' && driver !== 'postgres') fail(usage, '--driver must be pglite or postgres');
  return {
    seconds: num('seconds', 1, 600),
    warmup: num('warmup', 0, 60),
    connections: num('connections', 1, 1000),
    rounds: num('rounds', 1, 20),
    driver,
    breakdown: values.breakdown === true,
  };
}

function fail(usage: string, message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What `readOptions` hands back: the raw values and checked readers that exit with the usage. */
export interface Options {
  values: Record<string, string | boolean | undefined>;
  /** A whole number from min to max. */
  int(key: string, min: number, max: number): number;
  /** A number from min to max. */
  num(key: string, min: number, max: number): number;
  /** One of the given words. */
  oneOf<T extends string>(key: string, words: readonly T[]): T;
  flag(key: string): boolean;
  /** Prints the message and the usage, exits with status 2. */
  fail(message: string): never;
}

/**
 * The option parsing every benchmark shares: `spec` as for node:util parseArgs (string and
 * boolean options with defaults), plus `--help`/`-h`, which prints `usage` and exits 0. Unknown
 * options and bad values print the message and the usage and exit 2.
 */
export function readOptions(usage: string, spec: OptionSpec, argv = process.argv.slice(2)): Options {
  const fail = (message: string): never => {
    console.error(`${message}\n${usage}`);
    process.exit(2);
  };
  let values: Record<string, string | boolean | undefined> = {};
  try {
    values = parseArgs({ args: argv, options: { ...spec, help: { type: 'boolean', short: 'h', default: false } } })
      .values as Record<string, string | boolean | undefined>;
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return {
    values,
    fail,
    int(key, min, max) {
      const n = Number(values[key]);
      if (!Number.isInteger(n) || n < min || n > max) fail(`--${key} must be a whole number from ${min} to ${max}`);
      return n;
    },
    num(key, min, max) {
      const n = Number(values[key]);
      if (!(n >= min && n <= max)) fail(`--${key} must be a number from ${min} to ${max}`);
      return n;
    },
    oneOf(key, words) {
      const v = values[key];
      if (typeof v !== 'string' || !(words as readonly string[]).includes(v))
        fail(`--${key} must be ${words.join(', ')}`);
      return v as (typeof words)[number];
    },
    flag: (key) => values[key] === true,
  };
}
