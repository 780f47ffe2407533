/** The unit registry on a terminal and as plain lines. */
import type { Registry } from '../domain/units.js';
import { word } from './labels.js';
import { painter, safe, table, type RenderOptions } from './terminal.js';

export function renderUnits(registry: Registry, options: RenderOptions): string {
  const { lang } = options;
  const paint = painter(options);
  const status = (active: boolean) => (active ? '' : ` (${word(lang, 'inactive')})`);
  if (!options.tty) {
    return registry.units.map((u) => [u.code, safe(u.name) + status(u.active), u.aliases.join('; '), u.head ?? '', u.email ?? ''].join('\t')).join('\n') + '\n';
  }
  const t = table([word(lang, 'code'), word(lang, 'unitName'), word(lang, 'email')].map((h) => paint.bold(h)), [7, 28], options.width);
  for (const u of registry.units) {
    const name = `${safe(u.name)}${status(u.active)}${u.aliases.length ? paint.dim(`\n${word(lang, 'aliases')}: ${u.aliases.map(safe).join('; ')}`) : ''}`;
    t.push([u.code, name, u.email ?? '']);
  }
  const lines = [t.toString()];
  if (registry.groups.length) {
    lines.push('', paint.bold(word(lang, 'groups')));
    for (const g of registry.groups) {
      lines.push(`  ${safe(g.name)}: ${g.members === null ? word(lang, 'allUnits') : g.members.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
