import { describe, expect, it } from 'vitest';
import { entityNode, nodeTarget } from './nodeTarget.ts';

const ID = '045f2f53-ddd1-444e-bbbe-96654a982d78';

describe('nodeTarget', () => {
  it('reads report, entity and selector nodes', () => {
    expect(nodeTarget(`report:${ID}`)).toEqual({ kind: 'report', reportId: ID });
    expect(nodeTarget(ID, 'person')).toEqual({ kind: 'entity', entityId: ID });
    expect(nodeTarget('phone:+66812345678', 'selector')).toEqual({ kind: 'selector', key: 'phone:+66812345678' });
    expect(nodeTarget('crypto:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual({
      kind: 'selector',
      key: 'crypto:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    });
  });
});

describe('entityNode', () => {
  it('uses the canonical key for selectors and the id for the others', () => {
    expect(entityNode({ id: ID, kind: 'selector', key: 'email:a@b.example' })).toBe('email:a@b.example');
    expect(entityNode({ id: ID, kind: 'person', key: null })).toBe(ID);
  });
});
