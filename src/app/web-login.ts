/**
 * Signing in to the web page (`tasks serve`) without a password: a single-use link, sent to the
 * person's registered address (or printed for the office by `tasks user link`), signed with the
 * server's key and valid 24 hours, opens a session. Only hashes of links and sessions are stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { endSession, findLoginToken, findSessionPerson, insertLoginToken, insertSession, markTokenUsed, readOrCreateSecret } from '../db/login-repository.js';
import { findPersonByEmail, findPersonById, findPersonByLogin } from '../db/person-repository.js';
import { NotFoundError, ValidationError, t } from '../domain/errors.js';
import { normaliseEmail } from '../domain/email.js';
import { checkLogin } from '../domain/login.js';
import { checkOffice, type Person } from '../domain/roles.js';
import { audit, inTransaction, type Context } from './context.js';

/** The settings key of the signing key: not a `tasks config` key, so never listed or printed. */
const SECRET_KEY = 'web.secret';
export const LINK_HOURS = 24;
export const SESSION_DAYS = 7;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const random = () => randomBytes(32).toString('base64url');

/** The server's key for signing links and cookies, made on first use. */
export function webSecret(ctx: Context): Promise<string> {
  return readOrCreateSecret(ctx.db, SECRET_KEY, randomBytes(32).toString('base64url'), ctx.now().toISOString());
}

function signature(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

function signatureMatches(secret: string, purpose: string, value: string, given: string): boolean {
  const expected = Buffer.from(signature(secret, purpose, value));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** `value.signature`, for a cookie. */
export function signValue(secret: string, value: string): string {
  return `${value}.${signature(secret, 'session', value)}`;
}

/** The value of a signed cookie, or null when the signature is not the server's. */
export function unsignValue(secret: string, signed: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  return signatureMatches(secret, 'session', value, signed.slice(dot + 1)) ? value : null;
}

export function linkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/dang-nhap/xac-nhan?t=${encodeURIComponent(token)}`;
}

/** A new link for this person: stored as a hash, audited (who asked, never the link). */
async function newLink(ctx: Context, person: Person, secret: string, why: 'mail' | 'office' | 'reminder'): Promise<string> {
  const value = random();
  const at = ctx.now();
  const expires = new Date(at.getTime() + LINK_HOURS * 3600_000);
  await insertLoginToken(ctx.db, person.id, sha256(value), at.toISOString(), expires.toISOString());
  await audit(ctx, 'user.link', {}, { login: person.login, why, expiresAt: expires.toISOString() });
  return `${value}.${signature(secret, 'login', value)}`;
}

/**
 * A link for the registered person with this address, or null when there is none (the caller
 * answers the same either way: nobody learns which addresses are registered).
 */
export async function requestLink(ctx: Context, emailText: string, baseUrl: string): Promise<{ person: Person; url: string } | null> {
  const email = normaliseEmail(emailText);
  if (!email || email.length > 254) return null;
  const secret = await webSecret(ctx);
  return inTransaction(ctx, async (trx) => {
    const person = await findPersonByEmail(trx.db, email);
    if (!person) return null;
    return { person, url: linkUrl(baseUrl, await newLink({ ...trx, actor: person.login, acting: person }, person, secret, 'mail')) };
  }, 'system');
}

/** `tasks user link LOGIN`: the office hands someone a link by hand (no mail server, a new phone). */
export async function officeLink(ctx: Context, loginText: string, baseUrl: string): Promise<{ person: Person; url: string }> {
  checkOffice(ctx.acting, t('tạo đường dẫn đăng nhập cho người khác', 'make sign-in links for others'));
  const login = checkLogin(loginText);
  const secret = await webSecret(ctx);
  return inTransaction(ctx, async (trx) => {
    const person = await findPersonByLogin(trx.db, login);
    if (!person) throw new NotFoundError(t(`không có người dùng "${login}"`, `no user "${login}"`), t('xem danh sách bằng "tasks user list"', 'see them with "tasks user list"'));
    return { person, url: linkUrl(baseUrl, await newLink(trx, person, secret, 'office')) };
  });
}

/** Personal links for the heads of these units, for the reminders (a unit without a registered head gets none). */
export async function reminderLinks(ctx: Context, heads: Map<string, Person>, baseUrl: string): Promise<Map<string, string>> {
  const secret = await webSecret(ctx);
  const links = new Map<string, string>();
  await inTransaction(ctx, async (trx) => {
    for (const [unitCode, person] of heads) links.set(unitCode, linkUrl(baseUrl, await newLink(trx, person, secret, 'reminder')));
  }, 'system');
  return links;
}

export type LinkProblem = 'forged' | 'unknown' | 'used' | 'expired';

/** What a link is worth, without using it: the confirmation page asks before it signs in. */
export async function checkLink(ctx: Context, text: string): Promise<{ person: Person; tokenId: number } | LinkProblem> {
  const secret = await webSecret(ctx);
  const dot = text.lastIndexOf('.');
  if (dot <= 0 || text.length > 200) return 'forged';
  const value = text.slice(0, dot);
  if (!signatureMatches(secret, 'login', value, text.slice(dot + 1))) return 'forged';
  const token = await findLoginToken(ctx.db, sha256(value));
  if (!token) return 'unknown';
  if (token.usedAt !== null) return 'used';
  if (token.expiresAt <= ctx.now().toISOString()) return 'expired';
  const person = await findPersonById(ctx.db, token.personId);
  return person ? { person, tokenId: token.id } : 'unknown';
}

/** Uses the link (once) and opens a session: the cookie's value, which only the browser keeps. */
export async function signIn(ctx: Context, text: string): Promise<{ person: Person; session: string } | LinkProblem> {
  const checked = await checkLink(ctx, text);
  if (typeof checked === 'string') return checked;
  const { person, tokenId } = checked;
  return inTransaction(ctx, async (trx) => {
    const at = trx.now();
    // Two clicks at once: the first marks it used, the second is refused.
    if (!(await markTokenUsed(trx.db, tokenId, at.toISOString()))) return 'used' as const;
    const session = random();
    await insertSession(trx.db, person.id, sha256(session), at.toISOString(), new Date(at.getTime() + SESSION_DAYS * 86_400_000).toISOString());
    await audit({ ...trx, actor: person.login, acting: person }, 'user.sign-in', {}, { login: person.login });
    return { person, session };
  }, 'system');
}

/** The person a session cookie's value belongs to, or null. */
export async function sessionPerson(ctx: Context, session: string): Promise<Person | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(session)) return null;
  const personId = await findSessionPerson(ctx.db, sha256(session), ctx.now().toISOString());
  return personId === null ? null : findPersonById(ctx.db, personId);
}

export async function signOut(ctx: Context, session: string): Promise<void> {
  await endSession(ctx.db, sha256(session), ctx.now().toISOString());
}

/** web.url, or the address the server listens on. */
export function checkBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(t(`địa chỉ trang web không hợp lệ: "${text}"`, `invalid web address: "${text}"`), t('ví dụ: https://nhiemvu.sngv.quanghoa.gov.vn', 'e.g. https://tasks.example.gov.vn'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError(t('địa chỉ trang web phải bắt đầu bằng http:// hoặc https://', 'the web address must start with http:// or https://'));
  return url.toString().replace(/\/+$/, '');
}
