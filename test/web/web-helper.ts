/**
 * The web tests' tools: `tasks serve` started for real (the built bin/tasks.js on a free port of
 * 127.0.0.1, on the workspace's database), and a browser-like client with its own cookie jar that
 * reads the CSRF token of the page it was last shown, as a person's browser would send it back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { BIN, type Workspace } from '../helpers/cli.js';

export interface Server {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

export function serverEnv(ws: Workspace, today: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: ws.dir,
    XDG_DATA_HOME: path.join(ws.dir, 'xdg'),
    TASKS_DB: ws.db,
    TASKS_TODAY: today,
    TASKS_USER: 'chuyenvien.vp',
    NO_COLOR: '1',
    ...extra,
  };
}

export async function startServer(ws: Workspace, options: { today?: string; env?: Record<string, string>; args?: string[] } = {}): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--files', path.join(ws.dir, 'tep'), ...(options.args ?? [])], {
    cwd: ws.dir,
    env: serverEnv(ws, options.today ?? '2026-11-20', options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tasks serve did not start: ${err}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const found = /đang chạy tại (http:\/\/\S+)/.exec(err);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tasks serve exited ${code}: ${err}`));
    });
  });
  return {
    url,
    child,
    stderr: () => err,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

/** A browser without JavaScript: follows nothing by itself, keeps cookies, remembers the last CSRF token. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string, readonly headers: Record<string, string> = {}) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private async keep(response: Response): Promise<Reply> {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!value || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    const token = /name="_csrf" value="([^"]+)"/.exec(text);
    if (token) this.csrf = token[1];
    return { status: response.status, headers: response.headers, text, location: response.headers.get('location') };
  }

  async get(pathname: string): Promise<Reply> {
    const response = await fetch(new URL(pathname, this.base), { redirect: 'manual', headers: { ...this.headers, cookie: this.cookieHeader() } });
    return this.keep(response);
  }

  async getBytes(pathname: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const response = await fetch(new URL(pathname, this.base), { redirect: 'manual', headers: { ...this.headers, cookie: this.cookieHeader() } });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** A form post; the page's CSRF token is added unless `_csrf` is given (null: left out). */
  async post(pathname: string, fields: Record<string, string | null>): Promise<Reply> {
    const body = new URLSearchParams();
    const all = { _csrf: this.csrf, ...fields };
    for (const [k, v] of Object.entries(all)) if (v !== null) body.set(k, v);
    const response = await fetch(new URL(pathname, this.base), {
      method: 'POST',
      redirect: 'manual',
      headers: { ...this.headers, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return this.keep(response);
  }

  async postMultipart(pathname: string, fields: Record<string, string | null>, file?: { name: string; type: string; content: Buffer }): Promise<Reply> {
    const form = new FormData();
    const all = { _csrf: this.csrf, ...fields };
    for (const [k, v] of Object.entries(all)) if (v !== null) form.set(k, v);
    if (file) form.set('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    const response = await fetch(new URL(pathname, this.base), { method: 'POST', redirect: 'manual', headers: { ...this.headers, cookie: this.cookieHeader() }, body: form });
    return this.keep(response);
  }

  /** Opens a sign-in link and confirms it, as the person clicking it would. */
  async signInWith(link: string): Promise<Reply> {
    const confirm = await this.get(link.replace(this.base, ''));
    if (confirm.status !== 200) return confirm;
    const token = /name="t" value="([^"]+)"/.exec(confirm.text)![1];
    return this.post('/dang-nhap/xac-nhan', { t: token });
  }
}

/** A sign-in link for this person, made by the office at the terminal (`tasks user link`). */
export function officeLink(ws: Workspace, login: string, base: string): string {
  const result = ws.run(['user', 'link', login, '--url', base]);
  if (result.code !== 0) throw new Error(`tasks user link exited ${result.code}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A small but real PDF. */
export function pdfBytes(text = 'Bao cao ket qua'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
