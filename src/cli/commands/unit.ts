/** `tasks unit import|list|add|edit|deactivate` */
import type { Command } from 'commander';
import { t } from '../../domain/errors.js';
import { collect } from '../options.js';
import { printData, printJson, say } from '../output.js';
import { withSession } from '../context.js';

export function registerUnit(program: Command): void {
  const unit = program
    .command('unit')
    .description('quản lý danh sách đơn vị thuộc Sở (units of the Sở)')
    .addHelpText('after', '\nVí dụ:\n  tasks unit import data/units-sample.json\n  tasks unit list\n  tasks unit add TTDN "Phòng Thông tin đối ngoại" --alias "Thông tin đối ngoại" --email ttdn@so.example.vn');

  unit
    .command('import')
    .description('nạp danh sách đơn vị từ tệp JSON (thêm mới, cập nhật theo mã)')
    .argument('<file>', 'tệp JSON: { "units": [...], "groups": [...] }')
    .addHelpText('after', '\nVí dụ:\n  tasks unit import ../shared/reference/units-so-ngoai-vu.json')
    .action(async (file: string, _opts, command: Command) => {
      const [{ importUnits }, { readTextFile }] = await Promise.all([import('../../app/units.js'), import('../read-file.js')]);
      const content = readTextFile(file);
      await withSession(command, { mayCreate: true, office: t('sửa danh sách đơn vị', 'change the unit list') }, async (s) => {
        const summary = await importUnits(s.ctx, content);
        if (s.json) return printJson(summary);
        const en = s.render.lang === 'en';
        say(
          en
            ? `Units: ${summary.added.length} added, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged; ${summary.groups.length} groups.`
            : `Đơn vị: thêm ${summary.added.length}, cập nhật ${summary.updated.length}, giữ nguyên ${summary.unchanged.length}; ${summary.groups.length} nhóm.`,
        );
        if (summary.agency) say(en ? `Agency for the reports (org.parent): ${summary.agency}` : `Cơ quan ghi trên báo cáo (org.parent): ${summary.agency}`);
        if (summary.notInFile.length) {
          say(en ? `Not in the file, left as they are: ${summary.notInFile.join(', ')}` : `Không có trong tệp, giữ nguyên: ${summary.notInFile.join(', ')}`);
        }
      });
    });

  unit
    .command('list')
    .description('liệt kê các đơn vị theo thứ tự trong danh sách')
    .option('--all', 'kể cả đơn vị đã ngừng hoạt động')
    .action(async (opts: { all?: boolean }, command: Command) => {
      const [{ listUnits }, { renderUnits }] = await Promise.all([import('../../app/units.js'), import('../../report/unit-render.js')]);
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const registry = await listUnits(s.ctx, opts.all === true);
        if (s.json) return printJson(registry);
        printData(renderUnits(registry, s.render));
      });
    });

  const fields = (c: Command) =>
    c
      .option('--name <name>', 'tên đơn vị')
      .option('--alias <alias>', 'tên gọi khác (lặp lại được; thay cả danh sách cũ)', collect)
      .option('--head <title>', 'chức danh thủ trưởng, ví dụ "Chánh Văn phòng"')
      .option('--email <address>', 'thư điện tử công vụ của đơn vị');

  fields(
    unit
      .command('add')
      .description('thêm một đơn vị')
      .argument('<code>', 'mã ngắn, ví dụ VP')
      .argument('[name]', 'tên đơn vị, ví dụ "Văn phòng Sở"'),
  )
    .addHelpText('after', '\nVí dụ:\n  tasks unit add TTDN "Phòng Thông tin đối ngoại" --alias TTĐN --head "Trưởng phòng" --email ttdn@so.example.vn')
    .action(async (code: string, name: string | undefined, opts: UnitOpts, command: Command) => {
      const { addUnit } = await import('../../app/units.js');
      await withSession(command, { mayCreate: true, office: t('sửa danh sách đơn vị', 'change the unit list') }, async (s) => {
        const added = await addUnit(s.ctx, { code, name: name ?? opts.name ?? '', aliases: opts.alias, head: opts.head, email: opts.email });
        if (s.json) return printJson(added);
        say(s.render.lang === 'en' ? `Added unit ${added.code} — ${added.name}.` : `Đã thêm đơn vị ${added.code} — ${added.name}.`);
      });
    });

  fields(unit.command('edit').description('sửa thông tin một đơn vị').argument('<code>', 'mã đơn vị'))
    .option('--code <code>', 'đổi mã đơn vị')
    .option('--active', 'kích hoạt lại đơn vị đã ngừng hoạt động')
    .addHelpText('after', '\nVí dụ:\n  tasks unit edit LS --email lanhsu@so.example.vn --head "Trưởng phòng Lãnh sự"')
    .action(async (code: string, opts: UnitOpts & { code?: string; active?: boolean }, command: Command) => {
      const { editUnit } = await import('../../app/units.js');
      await withSession(command, { mayCreate: true, office: t('sửa danh sách đơn vị', 'change the unit list') }, async (s) => {
        const edited = await editUnit(s.ctx, code, { code: opts.code, name: opts.name, aliases: opts.alias, head: opts.head, email: opts.email, active: opts.active ? true : undefined });
        if (s.json) return printJson(edited);
        say(s.render.lang === 'en' ? `Updated unit ${edited.code}.` : `Đã cập nhật đơn vị ${edited.code}.`);
      });
    });

  unit
    .command('deactivate')
    .description('ngừng hoạt động một đơn vị (nhiệm vụ cũ được giữ nguyên)')
    .argument('<code>', 'mã đơn vị')
    .addHelpText('after', '\nVí dụ:\n  tasks unit deactivate TTDN')
    .action(async (code: string, _opts, command: Command) => {
      const { editUnit } = await import('../../app/units.js');
      await withSession(command, { mayCreate: true, office: t('sửa danh sách đơn vị', 'change the unit list') }, async (s) => {
        const edited = await editUnit(s.ctx, code, { active: false });
        if (s.json) return printJson(edited);
        say(s.render.lang === 'en' ? `Unit ${edited.code} deactivated.` : `Đơn vị ${edited.code} đã ngừng hoạt động.`);
      });
    });
}

interface UnitOpts {
  name?: string;
  alias?: string[];
  head?: string;
  email?: string;
}
