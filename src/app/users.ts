/**
 * `tasks user add|list|set-role`: the people of a shared tracker. The first person added turns
 * single-user mode off, so whoever adds them is registered as office in the same transaction:
 * nobody locks themselves out.
 */
import { findActing, insertPerson, listPeople, updatePersonDetails, updatePersonRole } from '../db/person-repository.js';
import { lockRule } from '../db/locks.js';
import { loadRegistry } from '../db/unit-repository.js';
import { AccessError, ConflictError, NotFoundError, ValidationError, t } from '../domain/errors.js';
import { checkEmail } from '../domain/email.js';
import { checkLogin } from '../domain/login.js';
import { checkOffice, parseRole, type Person, type Role } from '../domain/roles.js';
import { cleanLine } from '../domain/text.js';
import { resolveOneUnit } from '../domain/units.js';
import { audit, inTransaction, type Context } from './context.js';

export interface UserInput {
  name: string;
  login: string;
  role: string;
  unit: string | null;
  /** Where the web page's sign-in link goes. */
  email?: string | null;
}

export interface AddedUsers {
  added: Person[];
}

/** A head leads one unit; the other roles have none. */
async function unitFor(ctx: Context, role: Role, unit: string | null): Promise<number | null> {
  if (role !== 'head') {
    if (unit !== null) throw new ValidationError(t('--unit chỉ dùng với vai trò head (trưởng đơn vị)', '--unit goes only with the head role'));
    return null;
  }
  if (unit === null) throw new ValidationError(t('trưởng đơn vị cần --unit: đơn vị mình phụ trách', 'a unit head needs --unit: the unit they lead'), t('ví dụ: --unit HTQT', 'for example: --unit HTQT'));
  return resolveOneUnit(await loadRegistry(ctx.db), unit).id;
}

export async function addUser(ctx: Context, input: UserInput): Promise<AddedUsers> {
  const name = cleanLine(input.name);
  if (!name) throw new ValidationError(t('họ tên để trống', 'the name is empty'));
  const login = checkLogin(input.login);
  const role = parseRole(input.role);
  const email = input.email === undefined || input.email === null ? null : checkEmail(input.email);
  return inTransaction(
    ctx,
    async (trx) => {
      // Decided here, in the write transaction, not from what the command saw as it started:
      // eight first adds at once give one first user, and the others are checked as such.
      await lockRule(trx.db, 'person');
      const { people, person } = await findActing(trx.db, trx.actor);
      const first = people === 0;
      if (!first) {
        if (person === null) {
          throw new AccessError(
            t(`"${trx.actor}" chưa là người dùng của cơ sở dữ liệu này`, `"${trx.actor}" is not a user of this database`),
            t('người dùng đầu tiên vừa được người khác đăng ký; nhờ văn phòng thêm bạn', 'someone else has just registered the first user; ask the office to add you'),
          );
        }
        checkOffice(person, t('thêm người dùng', 'add users'));
      }
      if (first && login === trx.actor && role !== 'office') {
        throw new ConflictError(
          t(`người dùng đầu tiên là chính người đang chạy lệnh (${login}) nên phải có vai trò office, nếu không sẽ không ai quản lý được người dùng`, `the first user is the person running the command (${login}), so must be office, or nobody could manage users`),
          t('thêm mình với --role office trước, rồi thêm người khác', 'add yourself with --role office first, then the others'),
        );
      }
      const unitId = await unitFor(trx, role, input.unit);
      const stamp = trx.now().toISOString();
      if (first && login !== trx.actor) {
        await insertPerson(trx.db, { login: trx.actor, name: trx.actor, role: 'office', unitId: null }, stamp);
        await audit(trx, 'user.add', {}, { login: trx.actor, role: 'office', firstUser: true });
      }
      await insertPerson(trx.db, { login, name, role, unitId, email }, stamp);
      await audit(trx, 'user.add', {}, { login, name, role, unit: input.unit === null ? null : unitId, ...(email ? { email } : {}) });
      const all = await listPeople(trx.db);
      return { added: all.filter((p) => p.login === login || (first && p.login === trx.actor)) };
    },
    'system',
  );
}

export function listUsers(ctx: Context): Promise<Person[]> {
  return listPeople(ctx.db);
}

export async function setUserRole(ctx: Context, loginText: string, roleText: string, unit: string | null): Promise<Person> {
  const login = checkLogin(loginText);
  const role = parseRole(roleText);
  return inTransaction(ctx, async (trx) => {
    await lockRule(trx.db, 'person');
    const people = await listPeople(trx.db);
    const person = people.find((p) => p.login === login);
    if (!person) {
      throw new NotFoundError(t(`không có người dùng "${login}"`, `no user "${login}"`), t('xem danh sách bằng "tasks user list"', 'see them with "tasks user list"'));
    }
    if (person.role === 'office' && role !== 'office' && people.filter((p) => p.role === 'office').length === 1) {
      throw new ConflictError(
        t(`"${login}" là người dùng văn phòng cuối cùng; phải còn ít nhất một người quản lý`, `"${login}" is the last office user; someone must remain to manage the tracker`),
        t('cho người khác vai trò office trước', 'give someone else the office role first'),
      );
    }
    const unitId = await unitFor(trx, role, unit);
    await updatePersonRole(trx.db, person.id, role, unitId, trx.now().toISOString());
    await audit(trx, 'user.role', {}, { login, before: { role: person.role, unit: person.unit?.code ?? null }, after: { role, unit: unit === null ? null : unitId } });
    return (await listPeople(trx.db)).find((p) => p.login === login)!;
  });
}

export interface UserEdit {
  name?: string;
  /** null removes the address. */
  email?: string | null;
}

/** `tasks user edit`: a person's name or e-mail address. */
export async function editUser(ctx: Context, loginText: string, edit: UserEdit): Promise<Person> {
  const login = checkLogin(loginText);
  if (edit.name === undefined && edit.email === undefined) {
    throw new ValidationError(t('không có gì để sửa', 'nothing to change'), t('nêu --name, --email hoặc --no-email', 'give --name, --email or --no-email'));
  }
  const name = edit.name === undefined ? undefined : cleanLine(edit.name);
  if (name === '') throw new ValidationError(t('họ tên để trống', 'the name is empty'));
  const email = edit.email === undefined || edit.email === null ? edit.email : checkEmail(edit.email);
  return inTransaction(ctx, async (trx) => {
    const person = (await listPeople(trx.db)).find((p) => p.login === login);
    if (!person) {
      throw new NotFoundError(t(`không có người dùng "${login}"`, `no user "${login}"`), t('xem danh sách bằng "tasks user list"', 'see them with "tasks user list"'));
    }
    await updatePersonDetails(trx.db, person.id, { name, email }, trx.now().toISOString());
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (name !== undefined) Object.assign(before, { name: person.name }) && Object.assign(after, { name });
    if (email !== undefined) Object.assign(before, { email: person.email ?? null }) && Object.assign(after, { email });
    await audit(trx, 'user.edit', {}, { login, before, after });
    return (await listPeople(trx.db)).find((p) => p.login === login)!;
  }, t('sửa thông tin người dùng', 'edit users'));
}
