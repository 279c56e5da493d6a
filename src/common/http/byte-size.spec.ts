import { parseByteSize } from './byte-size';

describe('parseByteSize', () => {
  it.each([
    ['100kb', 102_400],
    ['1mb', 1_048_576],
    ['512b', 512],
    ['2MB', 2_097_152],
  ])('reads %s as %d bytes', (size, bytes) => {
    expect(parseByteSize(size)).toBe(bytes);
  });

  it('refuses anything else', () => {
    expect(() => parseByteSize('10 gigas')).toThrow(/Not a size/);
  });
});
