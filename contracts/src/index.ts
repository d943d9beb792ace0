export * from './agencies.ts';
export * from './awareness.ts';
export * from './common.ts';
export * from './events.ts';
export * from './intel.ts';
export * from './markings.ts';
export * from './notices.ts';
export * from './operations.ts';
