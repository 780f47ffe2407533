import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/domain/errors.js';
import { fold } from '../../src/domain/text.js';
import { parseUnitList } from '../../src/domain/unit-list.js';
import { closestNames, resolveUnits, type Registry } from '../../src/domain/units.js';

const registry: Registry = {
  units: [
    { id: 1, code: 'VP', name: 'Văn phòng Sở', aliases: ['Văn phòng'], head: null, email: null, active: true, position: 1 },
    { id: 2, code: 'TTR', name: 'Thanh tra Sở', aliases: ['Thanh tra'], head: null, email: null, active: true, position: 2 },
    { id: 3, code: 'LS', name: 'Phòng Lãnh sự', aliases: [], head: null, email: null, active: true, position: 3 },
    { id: 4, code: 'CU', name: 'Phòng Cũ', aliases: [], head: null, email: null, active: false, position: 4 },
    { id: 5, code: 'HTQT', name: 'Phòng Hợp tác quốc tế', aliases: ['Phòng HTQT'], head: null, email: null, active: true, position: 5 },
  ],
  groups: [
    { id: 1, name: 'các đơn vị thuộc Sở', aliases: ['các đơn vị'], members: null },
    { id: 2, name: 'một cửa', aliases: [], members: ['HTQT', 'LS'] },
  ],
};

describe('fold', () => {
  it.each([
    ['Văn phòng Sở', 'van phong so'],
    ['ĐOÀN  Đối ngoại', 'doan doi ngoai'],
    ['Phòng Lãnh sự', 'phong lanh su'],
  ])('%s → %s', (a, b) => expect(fold(a)).toBe(b));
});

describe('resolveUnits', () => {
  it.each([
    ['vp', ['VP']],
    ['van phong', ['VP']],
    ['VĂN PHÒNG SỞ', ['VP']],
    ['phong htqt', ['HTQT']],
    ['Phòng Lãnh Sự', ['LS']],
    ['cac don vi thuoc so', ['VP', 'TTR', 'LS', 'HTQT']],
    ['một cửa', ['LS', 'HTQT']],
  ])('%s → %j', (name, codes) => expect(resolveUnits(registry, name).map((u) => u.code)).toEqual(codes));

  it('refuses unknown names with the closest ones as a hint', () => {
    expect(() => resolveUnits(registry, 'Phòng Lãnh sư quán')).toThrow(NotFoundError);
    expect(closestNames(registry, 'lanh su')[0]).toBe('Phòng Lãnh sự (LS)');
  });

  it('refuses a deactivated unit as lead', () => {
    expect(() => resolveUnits(registry, 'CU')).toThrow(ValidationError);
  });
});

describe('parseUnitList', () => {
  it('reads the reference format', () => {
    const list = parseUnitList(JSON.stringify({ units: [{ code: 'vp', name: 'Văn phòng Sở', aliases: ['Văn phòng'] }], groups: [{ name: 'các đơn vị', members: 'all' }] }));
    expect(list.units[0].code).toBe('VP');
    expect(list.groups[0].members).toBeNull();
  });
  it.each([
    ['not JSON', '{', /JSON/],
    ['no units', '{}', /units/],
    ['a repeated code', JSON.stringify({ units: [{ code: 'VP', name: 'A' }, { code: 'vp', name: 'B' }] }), /lặp lại/],
    ['a bad e-mail', JSON.stringify({ units: [{ code: 'VP', name: 'A', email: 'vp at so' }] }), /thư điện tử/],
    ['an unknown member', JSON.stringify({ units: [{ code: 'VP', name: 'A' }], groups: [{ name: 'g', members: ['XX'] }] }), /XX/],
    ['a shared alias', JSON.stringify({ units: [{ code: 'VP', name: 'A', aliases: ['chung'] }, { code: 'TT', name: 'B', aliases: ['Chung'] }] }), /chung/i],
  ])('refuses %s', (_name, content, message) => {
    expect(() => parseUnitList(content)).toThrow(message);
  });
});
