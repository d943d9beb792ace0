export * from './audit.ts';
export * from './pending.ts';
export * from './verify.ts';
