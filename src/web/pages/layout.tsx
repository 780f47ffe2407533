/** @jsx h */
/** @jsxFrag Fragment */
/** The frame of every page: header with who is signed in, the main content, no script. */
import { ROLE_NAMES, type Person } from '../../domain/roles.js';
import { Fragment, h, type Child, type Html } from '../jsx.js';

void Fragment;

export interface Frame {
  title: string;
  person: Person | null;
  /** The CSRF token every form carries. */
  csrf: string;
  flash?: string | null;
  error?: string | null;
}

export function CsrfField(props: { csrf: string }): Html {
  return <input type="hidden" name="_csrf" value={props.csrf} />;
}

export function page(frame: Frame, content: Child): string {
  const p = frame.person;
  const home = p === null ? '/dang-nhap' : p.role === 'head' ? '/don-vi' : '/van-phong';
  const body = (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{frame.title} · Theo dõi nhiệm vụ</title>
        <link rel="stylesheet" href="/kieu.css" />
      </head>
      <body>
        <a class="skip" href="#noi-dung">Chuyển đến nội dung</a>
        <header class="top">
          <a href={home}>
            <strong>Theo dõi nhiệm vụ</strong>
          </a>
          {p && (
            <span class="who">
              {p.name} · {ROLE_NAMES[p.role].vi}
              {p.unit ? ` ${p.unit.name}` : ''}{' '}
              <form method="post" action="/dang-xuat">
                <CsrfField csrf={frame.csrf} />
                <button type="submit">Đăng xuất</button>
              </form>
            </span>
          )}
        </header>
        <main id="noi-dung">
          {frame.flash && (
            <p class="flash" role="status">
              {frame.flash}
            </p>
          )}
          {frame.error && (
            <p class="error" role="alert">
              {frame.error}
            </p>
          )}
          {content}
        </main>
      </body>
    </html>
  );
  return `<!doctype html>\n${body.value}`;
}
