import { stixId } from './ids.ts';
import type { StixObject } from './types.ts';

/**
 * Cordon's STIX extension: one extension definition for the custom selector SCO (`new-sco`) and for
 * the `x_cordon_*` properties on standard objects (`toplevel-property-extension`). Its id and
 * content never change between exports. The normative text is stix/README.md.
 */
export const CORDON_CREATOR_ID = stixId('identity', 'cordon-project');
export const CORDON_EXTENSION_ID = stixId('extension-definition', 'cordon-extension-v1');
export const SELECTOR_SCO = 'x-cordon-selector';

export const CORDON_PROPERTIES = [
  'x_cordon_kind',
  'x_cordon_role',
  'x_cordon_date_of_birth',
  'x_cordon_nationalities',
  'x_cordon_gender',
  'x_cordon_aliases',
  'x_cordon_country',
  'x_cordon_status',
  'x_cordon_workforce',
  'x_cordon_key',
  'x_cordon_mo_tags',
  'x_cordon_pap',
  'x_cordon_reliability',
  'x_cordon_credibility',
  'x_cordon_audience',
] as const;

const EPOCH = '2025-01-01T00:00:00.000Z';

export function cordonCreator(): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: CORDON_CREATOR_ID,
    created: EPOCH,
    modified: EPOCH,
    name: 'Cordon',
    identity_class: 'organization',
    description: 'The Cordon open-source platform, author of the Cordon STIX extension.',
  };
}

export function cordonExtensionDefinition(): StixObject {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: CORDON_EXTENSION_ID,
    created_by_ref: CORDON_CREATOR_ID,
    created: EPOCH,
    modified: EPOCH,
    name: 'Cordon selectors and handling properties',
    description:
      `Adds the ${SELECTOR_SCO} SCO (selector_kind, value, key, display, country, chain, platform, bank) for ` +
      'selectors STIX has no object for (phone numbers, wallets, bank accounts, IBANs, IMEIs, documents), and ' +
      'x_cordon_* properties for Cordon entity attributes, PAP, Admiralty grade and audience.',
    schema: 'Cordon server/src/features/intel/stix/README.md',
    version: '1.0.0',
    extension_types: ['new-sco', 'toplevel-property-extension'],
    extension_properties: [...CORDON_PROPERTIES],
  };
}

/** The `extensions` entry of an object that carries x_cordon_* properties. */
export const TOPLEVEL_EXTENSION = {
  [CORDON_EXTENSION_ID]: { extension_type: 'toplevel-property-extension' },
} as const;
