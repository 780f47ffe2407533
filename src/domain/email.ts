/** A person's e-mail address, where the web page's sign-in link goes: one spelling, checked. */
import { ValidationError, t } from './errors.js';

/** Lower case and trimmed: addresses are compared this way, whatever was typed. */
export function normaliseEmail(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

/** The normalised address, or a refusal: one local part, one domain with a dot, no spaces or controls. */
export function checkEmail(text: string): string {
  const email = normaliseEmail(text);
  if (email.length > 254 || !/^[^\s@\p{Cc}\p{Cf}<>(),;:"[\]\\]+@[^\s@\p{Cc}\p{Cf}<>(),;:"[\]\\]+\.[^\s@\p{Cc}\p{Cf}<>(),;:"[\]\\.]+$/u.test(email)) {
    throw new ValidationError(t('địa chỉ thư điện tử không hợp lệ', 'invalid e-mail address'), t('ví dụ: --email binh.htqt@sngv.quanghoa.gov.vn', 'e.g. --email binh.htqt@sngv.quanghoa.gov.vn'));
  }
  return email;
}
