import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMinor, parseMajor } from '../../src/money';

test('minor units are shown in major units with the asset decimals, grouped, exactly', () => {
  assert.equal(formatMinor('123456', 2), '1,234.56');
  assert.equal(formatMinor('5', 2), '0.05');
  assert.equal(formatMinor('-5', 2), '-0.05');
  assert.equal(formatMinor('0', 2), '0.00');
  assert.equal(formatMinor('100', 0), '100');
  // Past 2^53, where a floating-point number would already have lost the last digits.
  assert.equal(formatMinor('9223372036854775807', 2), '92,233,720,368,547,758.07');
  assert.equal(formatMinor('9007199254740993', 0), '9,007,199,254,740,993');
});

test('a value that is not a whole number of minor units is shown as the API gave it', () => {
  assert.equal(formatMinor('1.5', 2), '1.5');
  assert.equal(formatMinor('', 2), '');
});

test('an amount typed in major units becomes exact minor units or is refused, never rounded', () => {
  assert.deepEqual(parseMajor('12.34', 2), { ok: true, minor: '1234' });
  assert.deepEqual(parseMajor('1,000', 2), { ok: true, minor: '100000' });
  assert.deepEqual(parseMajor(' 0.1 ', 2), { ok: true, minor: '10' });
  assert.deepEqual(parseMajor('92233720368547758.07', 2), { ok: true, minor: '9223372036854775807' });
  assert.equal(parseMajor('92233720368547758.08', 2).ok, false);
  assert.equal(parseMajor('0.001', 2).ok, false);
  assert.equal(parseMajor('0', 2).ok, false);
  assert.equal(parseMajor('-1', 2).ok, false);
  assert.equal(parseMajor('1e3', 2).ok, false);
  assert.equal(parseMajor('12.5', 0).ok, false);
});
