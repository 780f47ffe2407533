/** Where the database lives when neither --db nor TASKS_DB says. */
import os from 'node:os';
import path from 'node:path';

/** `env` is the CLI's environment (cli/io.ts); lower layers never read the process's own. */
export function defaultDatabasePath(env: Record<string, string | undefined>, platform: NodeJS.Platform = os.platform()): string {
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'tasks', 'tasks.db');
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'tasks', 'tasks.db');
  }
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'tasks', 'tasks.db');
}
