/** `tasks config list|get|set|unset`: the organisation's name, place, report number and signer. */
import type { Command } from 'commander';
import { shownValue, type SettingValue } from '../../domain/settings.js';
import { withSession } from '../context.js';
import { printData, printJson, say } from '../output.js';

/** Secrets (the SMTP password) are never printed: every output goes through this. */
function shown(s: SettingValue): SettingValue {
  return { ...s, value: shownValue(s.key, s.value) ?? '' };
}

function settingJson(s: SettingValue): { key: string; value: string; default: boolean } {
  return { key: s.key, value: shown(s).value, default: s.isDefault };
}

export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description('cấu hình: tên cơ quan, địa danh, số và người ký báo cáo, nhắc việc và thư điện tử')
    .addHelpText(
      'after',
      '\nVí dụ:\n  tasks config list\n  tasks config set org.parent "SỞ NGOẠI VỤ"\n  tasks config set org.place "Bình Định"\n  tasks config set report.number 125\n  tasks config unset report.number\n  tasks config set office.email vanphong@sngv.quanghoa.gov.vn\n  tasks config set remind.offsetsBefore 7,3',
    );

  config
    .command('list')
    .description('mọi khóa cấu hình với giá trị đang dùng')
    .action(async (_opts, command: Command) => {
      const { listConfig } = await import('../../app/config.js');
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const values = (await listConfig(s.ctx)).map(shown);
        if (s.json) return printJson(values.map(settingJson));
        const lang = s.render.lang;
        const mark = lang === 'en' ? ' (default)' : ' (mặc định)';
        const width = Math.max(...values.map((v) => v.key.length));
        printData(values.map((v) => `${v.key.padEnd(width)}  ${v.value || '""'}${v.isDefault ? mark : ''}\n${' '.repeat(width + 2)}${v.description[lang]}`).join('\n') + '\n');
      });
    });

  config
    .command('get')
    .description('in giá trị của một khóa')
    .argument('<key>', 'khóa, ví dụ org.name')
    .action(async (key: string, _opts, command: Command) => {
      const { getConfig } = await import('../../app/config.js');
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const value = shown(await getConfig(s.ctx, key));
        if (s.json) return printJson(settingJson(value));
        printData(`${value.value}\n`);
      });
    });

  config
    .command('set')
    .description('đặt giá trị cho một khóa (được ghi vào lịch sử thay đổi)')
    .argument('<key>', 'khóa, ví dụ org.place')
    .argument('<value>', 'giá trị')
    .action(async (key: string, value: string, _opts, command: Command) => {
      const { setConfig } = await import('../../app/config.js');
      await withSession(command, { mayCreate: true }, async (s) => {
        const result = shown(await setConfig(s.ctx, key, value));
        if (s.json) return printJson(settingJson(result));
        say(s.render.lang === 'en' ? `${result.key} = ${result.value}` : `Đã đặt ${result.key} = "${result.value}".`);
      });
    });

  config
    .command('unset')
    .description('xóa giá trị đã đặt, trở về mặc định')
    .argument('<key>', 'khóa')
    .action(async (key: string, _opts, command: Command) => {
      const { unsetConfig } = await import('../../app/config.js');
      await withSession(command, { mayCreate: false }, async (s) => {
        const result = shown(await unsetConfig(s.ctx, key));
        if (s.json) return printJson(settingJson(result));
        say(s.render.lang === 'en' ? `${result.key} back to default "${result.value}".` : `${result.key} trở về mặc định "${result.value}".`);
      });
    });
}
