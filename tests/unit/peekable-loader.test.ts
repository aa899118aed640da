import { PeekableLoader } from '../../src/shared/peekable-loader';

describe('PeekableLoader', () => {
  const make = (calls: string[][], options = {}) =>
    new PeekableLoader<string, string | null>(async (keys) => {
      calls.push([...keys]);
      return keys.map((key) => (key === 'missing' ? null : `value of ${key}`));
    }, options);

  it('answers at once for primed and loaded keys, batches the rest', async () => {
    const calls: string[][] = [];
    const loader = make(calls);
    loader.prime('a', 'primed a');
    expect(loader.loadNow('a')).toBe('primed a');
    const pending = [loader.loadNow('b'), loader.loadNow('missing')];
    expect(pending[0]).toBeInstanceOf(Promise);
    expect(await Promise.all(pending)).toEqual(['value of b', null]);
    expect(calls).toEqual([['b', 'missing']]);
    expect(loader.loadNow('b')).toBe('value of b');
    expect(loader.loadNow('missing')).toBeNull();
  });

  it('keeps DataLoader\'s rules: a cached key keeps its value when primed again; a cleared key is loaded again', async () => {
    const calls: string[][] = [];
    const loader = make(calls);
    loader.prime('a', 'first');
    loader.prime('a', 'second');
    expect(loader.loadNow('a')).toBe('first');
    loader.clear('a');
    expect(await loader.loadNow('a')).toBe('value of a');
    loader.clearAll();
    const again = loader.loadNow('a');
    expect(again).toBeInstanceOf(Promise);
    expect(await again).toBe('value of a');
    expect(calls).toEqual([['a'], ['a']]);
  });

  it('never answers at once without a cache, nor for an error', async () => {
    const loader = make([], { cache: false });
    await loader.load('a');
    expect(loader.loadNow('a')).toBeInstanceOf(Promise);
    const withCache = make([]);
    withCache.prime('e', new Error('no'));
    await expect(withCache.loadNow('e')).rejects.toThrow('no');
  });
});
