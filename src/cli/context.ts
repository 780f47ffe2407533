/**
 * Global options and the environment → the context a use case runs in: which database, which
 * "as of" day, who is acting, which language, whether stdout is a terminal.
 */
import os from 'node:os';
import type { Command } from 'commander';
import type { Context } from '../app/context.js';
import { databaseOptions, tellBackup } from './database-options.js';
import { parseDate, todayInVietnam } from '../domain/dates.js';
import { AccessError, ValidationError, t, type Text } from '../domain/errors.js';
import { normaliseLogin } from '../domain/login.js';
import { checkOffice } from '../domain/roles.js';
import type { Lang } from '../report/labels.js';
import type { RenderOptions } from '../report/terminal.js';
import { io } from './io.js';

export interface GlobalOptions {
  db?: string;
  today?: string;
  json?: boolean;
  lang?: string;
}

export interface Session {
  ctx: Context;
  /** The database's path or URL, fit to print (a URL without its password). */
  location: string;
  dialect: 'sqlite' | 'postgres';
  json: boolean;
  render: RenderOptions;
  close(): Promise<void>;
}

/** Who is acting, in the one spelling logins are stored in (domain/login.ts). */
export function actorName(): string {
  const user = io().env.TASKS_USER;
  if (user) return normaliseLogin(user);
  try {
    return normaliseLogin(os.userInfo().username);
  } catch {
    return 'unknown';
  }
}

export function globalsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function langOf(options: GlobalOptions): Lang {
  const lang = options.lang ?? io().env.TASKS_LANG ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') {
    throw new ValidationError(t(`ngôn ngữ không hỗ trợ: "${lang}"`, `unsupported language: "${lang}"`), t('--lang nhận vi hoặc en', '--lang takes vi or en'));
  }
  return lang;
}

export function renderOptions(options: GlobalOptions): RenderOptions {
  const { stdout, env } = io();
  const tty = stdout.isTTY === true;
  return {
    lang: langOf(options),
    tty,
    color: tty && !env.NO_COLOR && env.TERM !== 'dumb',
    width: Math.min(stdout.columns || 100, 160),
  };
}

export interface Access {
  /** The command writes: a named SQLite file that does not exist yet may be created. */
  mayCreate: boolean;
  /**
   * The command only reads: it never creates a database (not even at the default location), never
   * turns an empty file into one, and stores no occurrence of a recurring series. With 'shown',
   * the occurrences due by the as-of day are made in a transaction rolled back once the command
   * has read them: shown, never stored.
   */
  readOnly?: boolean | 'shown';
  /** Only the office may run it; the words name the action in the refusal. */
  office?: Text;
}

/**
 * Opens the database named by --db, TASKS_DB or the per-user default, and finds who is acting. A
 * named file that does not exist is created only by commands that write, so a mistyped path
 * cannot show an empty tracker; the default location is created on first use.
 */
export async function openSession(command: Command, access: Access): Promise<Session> {
  const options = globalsOf(command);
  const render = renderOptions(options);
  const todayText = options.today ?? io().env.TASKS_TODAY;
  const today = todayText ? parseDate(todayText, '--today') : todayInVietnam(io().now());
  const [{ openDatabase }, { defaultDatabasePath }, { materialiseSeries }, { findActing }] = await Promise.all([
    import('../db/connect.js'),
    import('../db/location.js'),
    import('../app/materialise-series.js'),
    import('../db/person-repository.js'),
  ]);
  if (options.db === '') {
    throw new ValidationError(t('--db rỗng: cần đường dẫn tệp hoặc địa chỉ postgres://', '--db is empty: give a file path or a postgres:// URL'), t('bỏ --db để dùng cơ sở dữ liệu mặc định', 'leave --db out to use the default database'));
  }
  // TASKS_DB= (set but empty) is the shell's way of unsetting it: the default location.
  const named = options.db ?? (io().env.TASKS_DB || undefined);
  const location = named || defaultDatabasePath(io().env);
  const readOnly = access.readOnly !== undefined && access.readOnly !== false;
  const opened = await openDatabase(location, { create: !readOnly && (access.mayCreate || !named), mustHoldData: readOnly, ...databaseOptions() });
  tellBackup(opened, render.lang);
  const actor = actorName();
  try {
    const { people, person } = await findActing(opened.db, actor);
    if (people > 0 && person === null) {
      throw new AccessError(
        t(`"${actor}" chưa là người dùng của cơ sở dữ liệu này`, `"${actor}" is not a user of this database`),
        t(`văn phòng thêm bằng: tasks user add "Họ tên" --login ${actor} --role head --unit <đơn vị>`, `the office adds you with: tasks user add "Full name" --login ${actor} --role head --unit <unit>`),
      );
    }
    const ctx: Context = { db: opened.db, today, actor, acting: person, now: () => io().now() };
    if (access.office) checkOffice(person, access.office);
    try {
      // Occurrences are stored by commands that write, and never beyond the real day in Vietnam
      // (a report for a later as-of day shows them without storing them: see withSession).
      const realToday = todayInVietnam(io().now());
      if (!readOnly) await materialiseSeries({ ...ctx, today: today < realToday ? today : realToday });
    } catch (error) {
      // A viewer's login may only read (README: read-only access); the office's next command
      // creates the occurrences.
      if (opened.dialect !== 'postgres' || (error as { code?: string }).code !== '42501') throw error;
    }
    return { ctx, location: opened.location, dialect: opened.dialect, json: options.json === true, render, close: opened.close };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/** Opens a session, runs the work, and always closes the database. */
export async function withSession<T>(command: Command, access: Access, work: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(command, access);
  try {
    if (access.readOnly === 'shown') {
      const { withOccurrencesShown } = await import('../app/materialise-series.js');
      return await withOccurrencesShown(session.ctx, (ctx) => work({ ...session, ctx }));
    }
    return await work(session);
  } catch (error) {
    // A read-only login that tries to write, a server gone mid-command: one line, not a stack.
    if (session.dialect !== 'postgres') throw error;
    const { connectionError } = await import('../db/postgres.js');
    throw connectionError(session.location, error) ?? error;
  } finally {
    await session.close();
  }
}
