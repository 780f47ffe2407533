/** Where the database lives when neither --db nor TASKS_DB says. */
import os from 'node:os';
import path from 'node:path';

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'tasks', 'tasks.db');
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'tasks', 'tasks.db');
  }
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'tasks', 'tasks.db');
}
