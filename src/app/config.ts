/** `tasks config`: settings such as the organisation's name and the report's signer, audited. */
import { deleteSetting, readSettings, writeSetting } from '../db/setting-repository.js';
import { findSetting, resolveSettings, settingMap, shownValue, type SettingMap, type SettingValue } from '../domain/settings.js';
import { audit, inTransaction, type Context } from './context.js';

export async function listConfig(ctx: Context): Promise<SettingValue[]> {
  return resolveSettings(await readSettings(ctx.db));
}

export async function configMap(ctx: Context): Promise<SettingMap> {
  return settingMap(await listConfig(ctx));
}

export async function getConfig(ctx: Context, key: string): Promise<SettingValue> {
  findSetting(key);
  return (await listConfig(ctx)).find((s) => s.key === key)!;
}

export async function setConfig(ctx: Context, key: string, input: string): Promise<SettingValue> {
  const value = findSetting(key).check(input);
  await inTransaction(ctx, async (trx) => {
    const before = (await readSettings(trx.db)).get(key) ?? null;
    if (before === value) return;
    await writeSetting(trx.db, key, value, trx.now().toISOString(), trx.actor);
    await audit(trx, 'config.set', {}, { key, before: shownValue(key, before), after: shownValue(key, value) });
  });
  return getConfig(ctx, key);
}

export async function unsetConfig(ctx: Context, key: string): Promise<SettingValue> {
  findSetting(key);
  await inTransaction(ctx, async (trx) => {
    const before = (await readSettings(trx.db)).get(key) ?? null;
    if (await deleteSetting(trx.db, key)) await audit(trx, 'config.unset', {}, { key, before: shownValue(key, before) });
  });
  return getConfig(ctx, key);
}
