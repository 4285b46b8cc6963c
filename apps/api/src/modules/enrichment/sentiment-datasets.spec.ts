import { describe, expect, it } from 'vitest';
import { holdoutSplit, macroF1, parseCareSet, parseGoEmotions, parseSmsa } from './sentiment-datasets.js';

// Invented rows in the corpora's formats: the corpora themselves are not part of the project.
const labels = 'ambiguous\nnegative\nneutral\npositive\n';

describe('parseGoEmotions', () => {
  it('keeps rows with exactly one polarity once "ambiguous" is set aside', () => {
    const tsv = [
      'nice one\t3\ta1',
      'what?\t0\ta2',
      'ugh, fine\t0,1\ta3',
      'love it but it hurts\t1,3\ta4',
      'just a fact\t2\ta5',
      'meh and fine\t2,3\ta6',
      '[NAME] is here\t2\ta7',
    ].join('\n');
    expect(parseGoEmotions(tsv, labels)).toEqual([
      { text: 'nice one', label: 2 },
      { text: 'ugh, fine', label: 0 },
      { text: 'just a fact', label: 1 },
      { text: '@someone is here', label: 1 },
    ]);
  });
});

describe('parseSmsa', () => {
  it('reads text and label and skips unknown labels', () => {
    expect(parseSmsa('enak sekali .\tpositive\nbiasa saja\tneutral\nbad row\tmaybe\n')).toEqual([
      { text: 'enak sekali .', label: 2 },
      { text: 'biasa saja', label: 1 },
    ]);
  });
});

describe('parseCareSet', () => {
  it('reads lang, sentiment, type and text, ignoring comments, and rejects malformed lines', () => {
    expect(parseCareSet('# note\nen\tnegative\tcomplaint\tlate again\n')).toEqual([
      { language: 'en', label: 0, type: 'complaint', text: 'late again' },
    ]);
    expect(() => parseCareSet('xx\tnegative\tcomplaint\tlate')).toThrow(/bad care-set line/);
  });
});

describe('macroF1', () => {
  it('averages per-class F1', () => {
    const result = macroF1([0, 0, 1, 2], [0, 1, 1, 2]);
    expect(result.perClass[0]).toBeCloseTo(2 / 3);
    expect(result.perClass[1]).toBeCloseTo(2 / 3);
    expect(result.perClass[2]).toBe(1);
    expect(result.macro).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3);
    expect(result.accuracy).toBe(0.75);
  });

  it('holds out the same rows every time, about the fraction asked', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => i);
    const a = holdoutSplit(rows, 0.1);
    const b = holdoutSplit(rows, 0.1);
    expect(a.holdout).toEqual(b.holdout);
    expect(a.holdout.length).toBeGreaterThan(150);
    expect(a.holdout.length).toBeLessThan(250);
    expect(a.train.length + a.holdout.length).toBe(2000);
    expect(new Set([...a.train, ...a.holdout]).size).toBe(2000);
  });
});
