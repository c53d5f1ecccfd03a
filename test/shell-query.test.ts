/** Reading commands through wrappers; options apart from operands. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initShellParser, parseShell } from '../src/parse/dockerfile/shell.js';
import { findCommands, parseOptions, viewCommand } from '../src/model/shell-query.js';

beforeAll(() => initShellParser());

const view = (text: string) => viewCommand(parseShell(text).commands.at(-1)!)!;

describe('viewCommand', () => {
  it('strips sudo, env and xargs and keeps the words that named them', () => {
    const v = view('env A=1 sudo -u root xargs -a list.txt -n 1 apt-get install -y');
    expect(v.name).toBe('apt-get');
    expect(v.wrappers).toEqual(['env', 'sudo', 'xargs']);
    expect(v.wrapperWords.map((w) => w.text)).toEqual(['env', 'sudo', 'xargs']);
    expect(v.args.map((a) => a.text)).toEqual(['install', '-y']);
  });

  it('does not take `command -v x` for running x', () => {
    expect(view('command -v curl').name).toBe('command');
    expect(view('command -V wget').name).toBe('command');
    expect(view('command curl -fsSL x').name).toBe('curl');
    expect(findCommands(parseShell('command -v curl || wget -q x'), 'curl', 'wget').map((c) => c.name)).toEqual(['wget']);
  });

  it('leaves a wrapper with nothing to run as the command', () => {
    const v = view('sudo -v');
    expect(v.name).toBe('sudo');
    expect(v.wrappers).toEqual([]);
  });
});

describe('parseOptions', () => {
  it('splits clusters, keeps --opt=value, takes separate values, and stops at --', () => {
    const words = parseShell('x -yq --a=1 -o v --b w -- -z').commands[0]!.args;
    const parsed = parseOptions(words, { withValue: ['-o'] });
    expect(parsed.options.map((o) => [o.name, o.value])).toEqual([['-y', undefined], ['-q', undefined], ['--a', '1'], ['-o', 'v'], ['--b', undefined]]);
    expect(parsed.operands.map((o) => o.text)).toEqual(['w', '-z']);
  });
});
