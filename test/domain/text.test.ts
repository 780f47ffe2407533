/**
 * compareVietnamese answers most comparisons without building ICU's collator (~13 ms at every
 * start of `tasks due`); it must order exactly as the collator does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, compareVietnameseIcu } from '../../src/domain/text.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The benchmark's thirty units (a plain .mjs module, without types).
const benchUnits = '../bench/units.mjs';
const { UNITS } = (await import(benchUnits)) as { UNITS: { name: string; aliases: string[] }[] };

/** A seeded generator, so a failure names the same strings on every run. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const PIECES = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz',
  ...'áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
  ...'AĂÂĐÊÔƠƯÁẤẮỨ',
  ' ', ' ', '-', '–', ',', '.', '(', ')', '/', '&', '_', ';', ':', "'", '"', '+',
  '1', '2', '9', '10', '12', '100', '07', '0',
  'Phòng ', 'Chi cục ', 'Trung tâm ', 'Ban ', 'Sở ', 'và ', 'Văn phòng',
  'ñ', 'ü', 'ß', 'Ж', '中', '\u0301', '\u0308',
];

function generated(count: number): string[] {
  const next = random(2026);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const length = 1 + Math.floor(next() * 8);
    for (let j = 0; j < length; j++) s += PIECES[Math.floor(next() * PIECES.length)];
    out.push(s);
  }
  return out;
}

function unitNames(): string[] {
  const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/units-sample.json'), 'utf8')) as { units: { name: string; aliases: string[] }[] };
  return [...sample.units.flatMap((u) => [u.name, ...u.aliases]), ...UNITS.flatMap((u) => [u.name, ...u.aliases])];
}

/** Every pair the two order differently (an expect per pair would take seconds). */
function disagreements(strings: string[]): string[] {
  const out: string[] = [];
  for (const a of strings) for (const b of strings) if (Math.sign(compareVietnamese(a, b)) !== Math.sign(compareVietnameseIcu(a, b))) out.push(`${JSON.stringify(a)} | ${JSON.stringify(b)}`);
  return out.slice(0, 20);
}

describe('compareVietnamese', () => {
  it('orders every pair of unit names as ICU does', () => {
    const names = unitNames();
    expect(names.length).toBeGreaterThan(50);
    expect(disagreements(names)).toEqual([]);
  });

  it('orders generated names (letters, tones, digits, punctuation, other scripts) as ICU does', () => {
    expect(disagreements([...generated(500), ...unitNames()])).toEqual([]);
  });

  it('puts the Vietnamese letters in their order', () => {
    const letters = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'o', 'ô', 'ơ', 'u', 'ư', 'v', 'y'];
    expect([...letters].reverse().sort(compareVietnamese)).toEqual(letters);
    expect(compareVietnamese('Phòng 2', 'Phòng 10')).toBeLessThan(0);
    expect(compareVietnamese('Văn phòng', 'VĂN PHÒNG')).toBe(0);
  });
});
