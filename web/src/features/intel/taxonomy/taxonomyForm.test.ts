import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api.ts';
import { checkTag, emptyTag, serverTagErrors, toMoTag } from './taxonomyForm.ts';

describe('taxonomy form', () => {
  it('checks the code, the label and short translations', () => {
    expect(checkTag(emptyTag())).toEqual({ code: 'required', label: 'required' });
    expect(checkTag({ ...emptyTag(), code: 'Fake Courier', label: 'F', fr: 'x' })).toEqual({
      code: 'code',
      label: 'short',
      fr: 'short',
    });
    expect(checkTag({ ...emptyTag(), code: 'fake-courier', label: 'Fake courier' })).toEqual({});
  });
  it('sends trimmed values and leaves blank translations out', () => {
    expect(
      toMoTag({ ...emptyTag(), code: ' fake-courier ', label: 'Fake courier ', fr: ' Faux livreur', es: ' ' }),
    ).toEqual({
      code: 'fake-courier',
      label: 'Fake courier',
      category: 'modus-operandi',
      description: '',
      labels: { fr: 'Faux livreur' },
    });
    expect(toMoTag({ ...emptyTag(), code: 'x-y', label: 'XY' })).not.toHaveProperty('labels');
  });
  it('puts the server’s errors on the fields, translations included', () => {
    const e = new ApiError(
      400,
      {
        type: 'about:blank',
        title: 'Invalid',
        status: 400,
        errors: [
          { field: 'labels.fr', message: 'must not be blank' },
          { field: '/code', message: 'already exists' },
          { field: 'somewhere', message: 'x' },
        ],
      },
      null,
    );
    expect(serverTagErrors(e)).toEqual({ fr: 'must not be blank', code: 'already exists' });
    expect(serverTagErrors(new Error('x'))).toEqual({});
  });
});
