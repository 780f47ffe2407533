/**
 * Global options and the environment → the context a use case runs in: which database, which
 * "as of" day, who is acting, which language, whether stdout is a terminal.
 */
import os from 'node:os';
import type { Command } from 'commander';
import type { Context } from '../app/context.js';
import { parseDate, todayInVietnam } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import type { Lang } from '../report/labels.js';
import type { RenderOptions } from '../report/terminal.js';

export interface GlobalOptions {
  db?: string;
  today?: string;
  json?: boolean;
  lang?: string;
}

export interface Session {
  ctx: Context;
  location: string;
  json: boolean;
  render: RenderOptions;
  close(): Promise<void>;
}

function actorName(): string {
  if (process.env.TASKS_USER) return process.env.TASKS_USER;
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function globalsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function langOf(options: GlobalOptions): Lang {
  const lang = options.lang ?? process.env.TASKS_LANG ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') {
    throw new ValidationError(t(`ngôn ngữ không hỗ trợ: "${lang}"`, `unsupported language: "${lang}"`), t('--lang nhận vi hoặc en', '--lang takes vi or en'));
  }
  return lang;
}

export function renderOptions(options: GlobalOptions): RenderOptions {
  const tty = process.stdout.isTTY === true;
  return {
    lang: langOf(options),
    tty,
    color: tty && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
    width: Math.min(process.stdout.columns || 100, 160),
  };
}

/**
 * Opens the database named by --db, TASKS_DB or the per-user default. A named file that does
 * not exist is created only by commands that write, so a mistyped path cannot show an empty
 * tracker; the default location is created on first use.
 */
export async function openSession(command: Command, access: { mayCreate: boolean }): Promise<Session> {
  const options = globalsOf(command);
  const render = renderOptions(options);
  const todayText = options.today ?? process.env.TASKS_TODAY;
  const today = todayText ? parseDate(todayText, '--today') : todayInVietnam(new Date());
  const [{ openSqlite }, { defaultDatabasePath }, { materialiseSeries }] = await Promise.all([
    import('../db/connect.js'),
    import('../db/location.js'),
    import('../app/materialise-series.js'),
  ]);
  const named = options.db ?? process.env.TASKS_DB;
  const location = named || defaultDatabasePath();
  const opened = await openSqlite(location, { create: access.mayCreate || !named });
  const ctx: Context = { db: opened.db, today, actor: actorName(), now: () => new Date() };
  try {
    await materialiseSeries(ctx);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return { ctx, location, json: options.json === true, render, close: opened.close };
}

/** Opens a session, runs the work, and always closes the database. */
export async function withSession<T>(command: Command, access: { mayCreate: boolean }, work: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(command, access);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
