/** @jsx h */
/** @jsxFrag Fragment */
/** Asking for a sign-in link, and confirming one before it is used. */
import { Fragment, h, type Html } from '../jsx.js';
import { CsrfField } from './layout.js';

void Fragment;

export function RequestLink(props: { csrf: string; sent: boolean }): Html {
  return (
    <>
      <h1>Đăng nhập</h1>
      {props.sent ? (
        <p class="flash" role="status">
          Nếu địa chỉ này đã được văn phòng đăng ký, một thư có đường dẫn đăng nhập vừa được gửi đến đó. Đường dẫn dùng được một lần, trong 24 giờ.
        </p>
      ) : (
        <p>Nhập địa chỉ thư điện tử công vụ đã đăng ký với văn phòng; tasks gửi đến đó một đường dẫn đăng nhập, không cần mật khẩu.</p>
      )}
      <form method="post" action="/dang-nhap" class="stack box">
        <CsrfField csrf={props.csrf} />
        <label for="email">Địa chỉ thư điện tử</label>
        <input type="email" id="email" name="email" required autocomplete="email" maxlength="254" />
        <button type="submit">Gửi đường dẫn đăng nhập</button>
      </form>
    </>
  );
}

export function ConfirmLink(props: { csrf: string; token: string; name: string }): Html {
  return (
    <>
      <h1>Đăng nhập</h1>
      <form method="post" action="/dang-nhap/xac-nhan" class="stack box">
        <CsrfField csrf={props.csrf} />
        <input type="hidden" name="t" value={props.token} />
        <p>
          Đăng nhập với tên <strong>{props.name}</strong>?
        </p>
        <button type="submit">Đăng nhập</button>
      </form>
    </>
  );
}

export function BadLink(props: { why: string }): Html {
  return (
    <>
      <h1>Đường dẫn không dùng được</h1>
      <p class="error" role="alert">
        {props.why}
      </p>
      <p>
        <a href="/dang-nhap">Xin đường dẫn đăng nhập mới</a>
      </p>
    </>
  );
}
