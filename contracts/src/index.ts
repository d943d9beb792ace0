export * from './agencies.ts';
export * from './common.ts';
export * from './events.ts';
export * from './intel.ts';
export * from './markings.ts';
export * from './rescue.ts';
