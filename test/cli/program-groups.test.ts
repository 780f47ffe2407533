/**
 * `tasks due` builds only the commands of views.ts (src/cli/program.ts): the table that says which
 * file adds which command must say what each file really adds, and the program the user sees
 * (help, errors, suggestions) must not change.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_GROUPS, invokedCommand } from '../../src/cli/program.js';
import { workspace } from '../helpers/cli.js';

describe('command groups', () => {
  it('name exactly the top-level commands each register function adds, once each', () => {
    const all: string[] = [];
    for (const [names, register] of COMMAND_GROUPS) {
      const program = new Command('tasks');
      register(program);
      expect(program.commands.map((c) => c.name())).toEqual(names);
      all.push(...names);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('find the command word after the global options, and none after -- or for help alone', () => {
    const argv = (...args: string[]) => ['node', 'tasks', ...args];
    expect(invokedCommand(argv('due'))).toBe('due');
    expect(invokedCommand(argv('--db', 'list', '--today', '2026-11-20', '--json', 'overdue', '--within', '3'))).toBe('overdue');
    expect(invokedCommand(argv('--db=a.db', '--lang', 'en', 'unit', 'list'))).toBe('unit');
    expect(invokedCommand(argv('--help'))).toBeUndefined();
    expect(invokedCommand(argv('--', 'due'))).toBeUndefined();
    expect(invokedCommand(argv('help', 'due'))).toBe('help');
  });
});

describe('the program built for one command', () => {
  it('still lists every command in the help, with or without a command word', () => {
    const ws = workspace();
    const names = COMMAND_GROUPS.flatMap(([n]) => n);
    for (const args of [['--help'], ['help']]) {
      const help = ws.run(args).stdout;
      for (const name of names) expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    const dueHelp = ws.run(['due', '--help']);
    expect(dueHelp.code).toBe(0);
    expect(dueHelp.stdout).toContain('--within');
    expect(dueHelp.stdout).toContain('Tùy chọn chung:');
  });

  it('still refuses a misspelt command as before, and finds the command after a --db that names one', () => {
    const ws = workspace();
    const wrong = ws.run(['dur']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('không có lệnh "dur"');
    expect(ws.run(['unit', 'add', 'VP', 'Văn phòng Sở']).code).toBe(0);
    expect(ws.run(['--db', 'due', 'init']).code).toBe(0);
    expect(ws.run(['--db', 'due', 'info']).stdout).toContain('due');
    expect(ws.run(['--today', '2026-11-20', 'due']).code).toBe(0);
  });
});
