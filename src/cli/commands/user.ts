/** `tasks user add|list|set-role`: who may do what in a shared database. */
import type { Command } from 'commander';
import { withSession } from '../context.js';
import { printData, printJson, say } from '../output.js';

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('người dùng và vai trò: office (văn phòng), head (trưởng đơn vị), viewer (chỉ xem)')
    .addHelpText(
      'after',
      `
Khi chưa có người dùng nào, tasks chỉ có một người dùng và người chạy lệnh là văn phòng. Lần
"tasks user add" đầu tiên cũng đăng ký người đang chạy lệnh với vai trò office.
Người thao tác là TASKS_USER, nếu không có thì là tên người dùng của máy tính.

Ví dụ:
  tasks user add "Nguyễn Thị Lan" --login lan.vp --role office
  tasks user add "Trần Văn Bình" --login binh.htqt --role head --unit HTQT
  tasks user add "Lãnh đạo Sở" --login lanhdao --role viewer
  tasks user set-role binh.htqt --role head --unit LS
  tasks user list`,
    );

  user
    .command('add')
    .description('thêm một người dùng với vai trò của họ')
    .argument('<name>', 'họ tên')
    .requiredOption('--login <login>', 'tên đăng nhập: TASKS_USER hoặc tên người dùng máy tính của người đó')
    .requiredOption('--role <role>', 'office, head hoặc viewer')
    .option('-u, --unit <unit>', 'đơn vị do trưởng đơn vị phụ trách (chỉ với --role head)')
    .option('--email <address>', 'thư điện tử: nơi nhận đường dẫn đăng nhập trang web (tasks serve)')
    .addHelpText('after', '\nVí dụ:\n  tasks user add "Trần Văn Bình" --login binh.htqt --role head --unit "Phòng HTQT" --email binh.htqt@sngv.quanghoa.gov.vn')
    .action(async (name: string, opts: { login: string; role: string; unit?: string; email?: string }, command: Command) => {
      const [{ addUser }, { userJson }] = await Promise.all([import('../../app/users.js'), import('../../report/user-render.js')]);
      await withSession(command, { mayCreate: true }, async (s) => {
        const { added } = await addUser(s.ctx, { name, login: opts.login, role: opts.role, unit: opts.unit ?? null, email: opts.email ?? null });
        if (s.json) return printJson(added.map(userJson));
        const en = s.render.lang === 'en';
        for (const p of added) {
          const unit = p.unit ? ` ${p.unit.code}` : '';
          say(en ? `User added: ${p.login} (${p.role}${unit}).` : `Đã thêm người dùng ${p.login} (${p.role}${unit}).`);
        }
      });
    });

  user
    .command('list')
    .description('liệt kê người dùng và vai trò')
    .addHelpText('after', '\nVí dụ:\n  tasks user list --json')
    .action(async (_opts, command: Command) => {
      const [{ listUsers }, { renderUsers, userJson }] = await Promise.all([import('../../app/users.js'), import('../../report/user-render.js')]);
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const people = await listUsers(s.ctx);
        if (s.json) return printJson(people.map(userJson));
        printData(renderUsers(people, s.render));
      });
    });

  user
    .command('set-role')
    .description('đổi vai trò (và đơn vị) của một người dùng')
    .argument('<login>', 'tên đăng nhập')
    .requiredOption('--role <role>', 'office, head hoặc viewer')
    .option('-u, --unit <unit>', 'đơn vị (chỉ với --role head)')
    .addHelpText('after', '\nVí dụ:\n  tasks user set-role binh.htqt --role viewer')
    .action(async (login: string, opts: { role: string; unit?: string }, command: Command) => {
      const [{ setUserRole }, { userJson }] = await Promise.all([import('../../app/users.js'), import('../../report/user-render.js')]);
      await withSession(command, { mayCreate: false }, async (s) => {
        const p = await setUserRole(s.ctx, login, opts.role, opts.unit ?? null);
        if (s.json) return printJson(userJson(p));
        const unit = p.unit ? ` ${p.unit.code}` : '';
        say(s.render.lang === 'en' ? `${p.login} is now ${p.role}${unit}.` : `${p.login} nay có vai trò ${p.role}${unit}.`);
      });
    });

  user
    .command('edit')
    .description('sửa họ tên hoặc thư điện tử của một người dùng')
    .argument('<login>', 'tên đăng nhập')
    .option('--name <name>', 'họ tên mới')
    .option('--email <address>', 'thư điện tử (nơi nhận đường dẫn đăng nhập trang web)')
    .option('--no-email', 'bỏ thư điện tử')
    .addHelpText('after', '\nVí dụ:\n  tasks user edit binh.htqt --email binh.htqt@sngv.quanghoa.gov.vn')
    .action(async (login: string, opts: { name?: string; email?: string | false }, command: Command) => {
      const [{ editUser }, { userJson }] = await Promise.all([import('../../app/users.js'), import('../../report/user-render.js')]);
      // commander sets email to true when neither --email nor --no-email is given.
      const email = opts.email === false ? null : typeof opts.email === 'string' ? opts.email : undefined;
      await withSession(command, { mayCreate: false }, async (s) => {
        const p = await editUser(s.ctx, login, { name: opts.name, email });
        if (s.json) return printJson(userJson(p));
        say(s.render.lang === 'en' ? `User ${p.login} updated.` : `Đã sửa thông tin người dùng ${p.login}.`);
      });
    });

  user
    .command('link')
    .description('tạo một đường dẫn đăng nhập trang web cho một người (dùng một lần, trong 24 giờ), để trao tận tay')
    .argument('<login>', 'tên đăng nhập')
    .option('--url <address>', 'địa chỉ trang web (mặc định: cấu hình web.url, hoặc http://127.0.0.1:8080)')
    .addHelpText('after', '\nVí dụ:\n  tasks user link binh.htqt')
    .action(async (login: string, opts: { url?: string }, command: Command) => {
      const [{ officeLink, checkBaseUrl }, { getConfig }] = await Promise.all([import('../../app/web-login.js'), import('../../app/config.js')]);
      await withSession(command, { mayCreate: false }, async (s) => {
        const base = checkBaseUrl(opts.url ?? ((await getConfig(s.ctx, 'web.url')).value || 'http://127.0.0.1:8080'));
        const { person, url } = await officeLink(s.ctx, login, base);
        if (s.json) return printJson({ login: person.login, url });
        printData(`${url}\n`);
      });
    });
}
