import { expect, it } from 'vitest';
import { readCookie } from '../../../src/lab/http-util.js';

it('readCookie finds one cookie in a Cookie header', () => {
  expect(readCookie('a=1; SRV=s2; b=3', 'SRV')).toBe('s2');
  expect(readCookie('a=1', 'SRV')).toBeNull();
  expect(readCookie(undefined, 'SRV')).toBeNull();
});
