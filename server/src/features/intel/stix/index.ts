/** STIX 2.1 import and export of Cordon reports. Mapping and decisions: README.md. */
export { toStixBundle } from './export.ts';
export { fromStixBundle, type StixImportOptions, type StixImportResult } from './import.ts';
export { TLP2_IDS } from './markings.ts';
export type { StixBundle, StixExportContext, StixImportError, StixObject } from './types.ts';
