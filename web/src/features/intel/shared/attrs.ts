/** Reading an entity's free-form `attrs` safely. */
export const attrStr = (attrs: Record<string, unknown>, key: string): string | null => {
  const v = attrs[key];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
};

export const attrList = (attrs: Record<string, unknown>, key: string): string[] => {
  const v = attrs[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export const attrNum = (attrs: Record<string, unknown>, key: string): number | null => {
  const v = attrs[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
