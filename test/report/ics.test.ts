import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../src/report/export/ics.js';

describe('ICS text (RFC 5545 3.3.11)', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('line folding (RFC 5545 3.1)', () => {
  it('leaves a line of 75 octets alone', () => {
    const line = `SUMMARY:${'a'.repeat(67)}`;
    expect(foldLine(line)).toBe(line);
  });

  it('folds at 75 octets, continuations beginning with a space, never inside a UTF-8 letter', () => {
    const line = `SUMMARY:${'Hạn xử lý nhiệm vụ của Phòng Hợp tác quốc tế – '.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    // Each piece is whole text: no letter's bytes were cut in two.
    for (const part of parts) expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    expect(Buffer.byteLength(parts[0], 'utf8')).toBeGreaterThan(70);
  });
});
