import { cookieValue } from './cookies';

describe('cookieValue', () => {
  it.each([
    ['mesa_session=abc', 'abc'],
    ['a=1; mesa_session=abc; b=2', 'abc'],
    ['a=1;mesa_session=abc', 'abc'],
    ['  mesa_session = abc ; b=2', 'abc'],
    ['mesa_session=a%2Bb%3D', 'a+b='],
    ['mesa_session="quoted"', 'quoted'],
    ['mesa_session=bad%zz', 'bad%zz'],
    ['mesa_session=', ''],
    ['x_mesa_session=abc', undefined],
    ['mesa_session_old=abc', undefined],
    ['a=1; b=2', undefined],
    ['garbage-without-equals; mesa_session=ok', 'ok'],
    ['', undefined],
  ])('reads %j as %j', (header, expected) => {
    expect(cookieValue(header, 'mesa_session')).toBe(expected);
  });

  it('takes the first of duplicate cookies, as browsers send the most specific first', () => {
    expect(cookieValue('mesa_session=first; mesa_session=second', 'mesa_session')).toBe('first');
  });

  it('answers undefined without a header', () => {
    expect(cookieValue(undefined, 'mesa_session')).toBeUndefined();
  });
});
