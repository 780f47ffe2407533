/**
 * Who may do what. Until the first person is added the tool is single-user and whoever runs it
 * acts as the office. After that: the office may do everything; a unit head may report progress,
 * mark completion and ask for an extension on the tasks their unit leads; a viewer only reads.
 */
import { AccessError, ValidationError, t, type Text } from './errors.js';

export const ROLES = ['office', 'head', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Person {
  id: number;
  login: string;
  name: string;
  role: Role;
  /** The unit a head leads. */
  unit: { id: number; code: string; name: string } | null;
  /** Where the web page's sign-in link goes; absent or null when none is registered. */
  email?: string | null;
}

/** null: single-user mode (nobody registered yet), where the one user is the office. */
export type Acting = Person | null;

export const ROLE_NAMES: Record<Role, Text> = {
  office: t('văn phòng', 'office'),
  head: t('trưởng đơn vị', 'unit head'),
  viewer: t('chỉ xem', 'viewer'),
};

export function parseRole(text: string): Role {
  const role = text.trim().toLowerCase();
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new ValidationError(t(`vai trò không hợp lệ: "${text}"`, `unknown role: "${text}"`), t('--role nhận office, head hoặc viewer', '--role takes office, head or viewer'));
}

export function isOffice(acting: Acting): boolean {
  return acting === null || acting.role === 'office';
}

function who(person: Person): Text {
  const role = ROLE_NAMES[person.role];
  const unit = person.unit ? ` ${person.unit.code}` : '';
  return t(`${person.login} (${role.vi}${unit})`, `${person.login} (${role.en}${unit})`);
}

/** Actions only the office takes: adding, importing, editing, cancelling, settings, reminders. */
export function checkOffice(acting: Acting, action: Text): void {
  if (isOffice(acting)) return;
  const person = acting as Person;
  throw new AccessError(
    t(`${who(person).vi} không được ${action.vi}: việc này do văn phòng thực hiện`, `${who(person).en} may not ${action.en}: the office does that`),
    person.role === 'viewer' ? t('vai trò chỉ xem chỉ được xem', 'a viewer can only read') : t('trưởng đơn vị chỉ báo cáo tiến độ, hoàn thành và đề nghị gia hạn nhiệm vụ của đơn vị mình', "a unit head reports progress, completes and asks for extensions on the unit's own tasks"),
  );
}

/** Progress, completion and extension requests: the office on any task, a head on their unit's. */
export function checkTaskAction(acting: Acting, task: { id: number; lead: { code: string } | null }, action: Text): void {
  if (isOffice(acting)) return;
  const person = acting as Person;
  if (person.role === 'head' && person.unit && task.lead?.code === person.unit.code) return;
  if (person.role === 'viewer') {
    throw new AccessError(t(`${who(person).vi} chỉ được xem, không được ${action.vi}`, `${who(person).en} may only read, not ${action.en}`));
  }
  throw new AccessError(
    t(
      `${who(person).vi} không được ${action.vi} nhiệm vụ #${task.id}: nhiệm vụ do ${task.lead?.code ?? 'chưa có đơn vị'} chủ trì`,
      `${who(person).en} may not ${action.en} task #${task.id}: it is led by ${task.lead?.code ?? 'no unit'}`,
    ),
    t('trưởng đơn vị chỉ thao tác trên nhiệm vụ đơn vị mình chủ trì', 'a unit head acts only on the tasks their unit leads'),
  );
}
