import { ConcordError } from '@concord/kernel';
import { DETECTOR_CONFIG, withOverrides } from './detector.config';

const refusal = (overrides: unknown) => {
  try {
    withOverrides(overrides);
  } catch (error) {
    return error instanceof ConcordError ? { code: error.code, message: error.message } : error;
  }
  throw new Error('accepted');
};

describe('Changing detector settings', () => {
  it('changes only the settings given', () => {
    const changed = withOverrides({
      overlappingEffort: { threshold: 4.5, weights: { text: 2 } },
      blocking: { window: 40 },
    });
    expect(changed.overlappingEffort).toEqual({
      ...DETECTOR_CONFIG.overlappingEffort,
      threshold: 4.5,
      weights: { ...DETECTOR_CONFIG.overlappingEffort.weights, text: 2 },
    });
    expect(changed.blocking.window).toBe(40);
    expect(changed.duplicateRecord).toEqual(DETECTOR_CONFIG.duplicateRecord);
    expect(DETECTOR_CONFIG.overlappingEffort.threshold).toBe(3.75);
  });

  it('names the setting that is not one, or not a number it can take', () => {
    expect(refusal({ overlappingEffort: { treshold: 4 } })).toEqual({
      code: 'BAD_DETECTOR_CONFIG',
      message: 'overlappingEffort.treshold: is not a setting; settings here: threshold, weights, minPeriodOverlap',
    });
    expect(refusal({ duplicateRecord: { weights: { title: '2' } } })).toMatchObject({
      message: 'duplicateRecord.weights.title: must be a number, 0 or more',
    });
    expect(refusal({ dateScaleDays: 30 })).toMatchObject({
      message: expect.stringMatching(/^dateScaleDays: is not a setting; settings here: blocking, /),
    });
    expect(refusal({ duplicateRecord: { threshold: -1 } })).toMatchObject({
      message: 'duplicateRecord.threshold: must be a number, 0 or more',
    });
    expect(refusal({ blocking: { window: 2.5 } })).toMatchObject({
      message: 'blocking.window: must be a whole number, 1 or more',
    });
    expect(refusal({ blocking: 20 })).toMatchObject({ message: 'blocking: must be an object of the keys to change' });
    expect(refusal([1])).toMatchObject({ message: '(root): must be an object of the keys to change' });
  });
});
