export * from './columns.ts';
export * from './markings.ts';
export * from './visible-to.ts';
