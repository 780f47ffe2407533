import { describe, expect, it } from 'vitest';
import { checkSmtpUrl, maskSmtpUrl } from '../../src/domain/remind-settings.js';
import { findSetting, shownValue } from '../../src/domain/settings.js';
import { ValidationError } from '../../src/domain/errors.js';

describe('reminder settings', () => {
  it('days before the due date: normalised largest first, each once; nonsense refused', () => {
    const spec = findSetting('remind.offsetsBefore');
    expect(spec.check('3, 7 ,7')).toBe('7,3');
    expect(spec.check('14;7;3;1')).toBe('14,7,3,1');
    expect(spec.check('')).toBe('');
    expect(() => spec.check('7,-3')).toThrow(ValidationError);
    expect(() => spec.check('0')).toThrow(ValidationError);
    expect(() => spec.check('bảy')).toThrow(ValidationError);
  });

  it('after-due days: the first at least 1, the repeat 0 (never) or more', () => {
    expect(() => findSetting('remind.firstAfterDays').check('0')).toThrow(ValidationError);
    expect(findSetting('remind.firstAfterDays').check('02')).toBe('2');
    expect(findSetting('remind.repeatAfterDays').check('0')).toBe('0');
    expect(() => findSetting('remind.repeatAfterDays').check('1.5')).toThrow(ValidationError);
  });

  it('on/off in English or Vietnamese', () => {
    const spec = findSetting('remind.ccCoordinating');
    expect(['on', 'có', 'Bật', 'yes'].map(spec.check)).toEqual(['on', 'on', 'on', 'on']);
    expect(['off', 'không', 'tắt'].map(spec.check)).toEqual(['off', 'off', 'off']);
    expect(() => spec.check('maybe')).toThrow(ValidationError);
  });

  it('addresses are checked and lower-cased; the signature keeps its lines', () => {
    expect(findSetting('office.email').check(' VanPhong@So.Example.VN ')).toBe('vanphong@so.example.vn');
    expect(() => findSetting('mail.from').check('van phong@so')).toThrow(ValidationError);
    expect(() => findSetting('mail.from').check('a@b.vn\r\nBcc: x@y.vn')).toThrow(ValidationError);
    expect(findSetting('mail.signature').check('VĂN PHÒNG SỞ\\nĐT: 0256 000 000\n')).toBe('VĂN PHÒNG SỞ\nĐT: 0256 000 000');
    expect(findSetting('mail.senderName').check('Văn phòng\r\nBcc: x@y.vn')).toBe('Văn phòng Bcc: x@y.vn');
  });

  it('the mail server URL: smtp or smtps only, and its password is never shown', () => {
    expect(checkSmtpUrl('smtps://nv:pw@mail.so.gov.vn:465')).toBe('smtps://nv:pw@mail.so.gov.vn:465');
    expect(() => checkSmtpUrl('http://mail.so.gov.vn')).toThrow(ValidationError);
    expect(() => checkSmtpUrl('mail.so.gov.vn:25')).toThrow(ValidationError);
    expect(maskSmtpUrl('smtp://nhacviec:B%C3%AD-m%E1%BA%ADt@mail.so.gov.vn:587')).toBe('smtp://nhacviec:***@mail.so.gov.vn:587');
    expect(shownValue('mail.smtpUrl', 'smtp://u:secret@h:25')).not.toContain('secret');
    expect(shownValue('org.name', 'VĂN PHÒNG')).toBe('VĂN PHÒNG');
  });
});
