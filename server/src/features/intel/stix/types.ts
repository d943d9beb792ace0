/** A STIX 2.1 object as JSON: the common properties typed, everything else open. */
export interface StixObject {
  type: string;
  id: string;
  spec_version?: string;
  [property: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** What the export needs to know about agencies beyond the report (the holder's name and country). */
export interface StixExportContext {
  agencies: Map<string, { name: string; country: string }>;
}

export interface StixImportError {
  /** The STIX id of the object at fault (or the bundle id). */
  objectId: string;
  message: string;
}
