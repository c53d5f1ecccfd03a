/** Reading package-manager command lines: subcommands, options, and each package with its pin. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initShellParser, parseShell } from '../src/parse/dockerfile/shell.js';
import { commandsOf, isInstall, listForMessage, packageCommands, unpinnedPackages, type PackageCommand } from '../src/model/packages.js';

beforeAll(() => initShellParser());

function only(script: string): PackageCommand {
  const commands = packageCommands(parseShell(script));
  expect(commands, script).toHaveLength(1);
  return commands[0]!;
}

/** `name:pinned` for every package of the one command of the script. */
function pins(script: string): string[] {
  return only(script).packages.map((p) => `${p.word.text}:${p.kind}:${p.pinned === undefined ? '?' : p.pinned}`);
}

describe('packageCommands', () => {
  it('finds managers through wrappers, in source order, and resolves subcommand aliases', () => {
    const cmds = packageCommands(parseShell('sudo -E apt-get -qq install -y curl && zypper -n in git; yum -y erase x; npm i -g y; gem i z'));
    expect(cmds.map((c) => `${c.manager} ${c.action}`)).toEqual(['apt-get install', 'zypper install', 'yum remove', 'npm install', 'gem install']);
    expect(cmds[0]!.view.wrappers).toEqual(['sudo']);
  });

  it('reads options before and after the subcommand, and value options do not become packages', () => {
    const cmd = only('apt-get -o Dpkg::Options::=--force-confold -t stable install -y --no-install-recommends curl');
    expect(cmd.args.options.map((o) => o.name)).toEqual(['-o', '-t', '-y', '--no-install-recommends']);
    expect(cmd.packages.map((p) => p.word.text)).toEqual(['curl']);
    expect(pins('apk add --virtual .build-deps -X https://repo gcc')).toEqual(['gcc:package:false']);
    expect(pins('yum --enablerepo epel install -y jq')).toEqual(['jq:package:false']);
  });

  it('reads two-word subcommands and bare yarn', () => {
    expect(only('dnf module install -y nodejs:20').action).toBe('module install');
    expect(only('yarn global add pm2').action).toBe('global add');
    expect(only('yarn --frozen-lockfile').action).toBe('install');
    expect(only('yarn build').action).toBe('build');
    expect(isInstall(only('yarn'))).toBe(true);
    expect(isInstall(only('npm ci'))).toBe(false);
  });

  it('reads pip through python -m pip, and not other modules', () => {
    expect(only('python3.12 -u -m pip install flask').manager).toBe('pip');
    expect(packageCommands(parseShell('python -m venv /venv && python script.py pip'))).toEqual([]);
    expect(only('/venv/bin/pip3 install flask').manager).toBe('pip');
  });

  it('reads go flags, which are single-dash words, some with a value', () => {
    expect(pins('go install -ldflags "-s -w" -tags netgo -o /bin/x golang.org/x/vuln/cmd/govulncheck@v1.1.3')).toEqual([
      'golang.org/x/vuln/cmd/govulncheck@v1.1.3:package:true',
    ]);
  });

  it('memoizes per script', () => {
    const script = parseShell('apk add curl');
    expect(packageCommands(script)).toBe(packageCommands(script));
    expect(commandsOf(script, 'apt-get')).toEqual([]);
  });
});

describe('pins', () => {
  it('apt: =version, /release, local debs; globs and variables are unknown', () => {
    expect(pins('apt-get install curl curl=7.88 golang/bookworm-backports ./x.deb y.deb "lib*" $PKGS "git=${V}"')).toEqual([
      'curl:package:false', 'curl=7.88:package:true', 'golang/bookworm-backports:package:true', './x.deb:file:true', 'y.deb:file:true',
      '"lib*":pattern:?', '$PKGS:dynamic:?', '"git=${V}":dynamic:true',
    ]);
  });

  it('apk: =, ~, <, > and repository tags', () => {
    expect(pins("apk add curl curl=8.9 git~2.45 'bash>5' nodejs@edge x.apk")).toEqual([
      'curl:package:false', 'curl=8.9:package:true', 'git~2.45:package:true', "'bash>5':package:true", 'nodejs@edge:package:false', 'x.apk:file:true',
    ]);
    expect(only('apk add nodejs@edge').packages[0]!.name).toBe('nodejs');
  });

  it('pip: specifiers, paths, archives, VCS revisions, direct references, constraints', () => {
    expect(pins("pip install flask 'Flask>=3' . ./x y.whl git+https://h/o/r.git@v1 git+ssh://git@h/o/r 'p @ https://h/p.tgz'")).toEqual([
      'flask:package:false', "'Flask>=3':package:true", '.:path:true', './x:path:true', 'y.whl:file:true', 'git+https://h/o/r.git@v1:url:true',
      'git+ssh://git@h/o/r:url:false', "'p @ https://h/p.tgz':url:true",
    ]);
    expect(pins('pip install -c constraints.txt flask')).toEqual(['flask:package:true']);
    expect(pins('pip install -r requirements.txt -e .')).toEqual([]);
    expect(only("pip install 'Zope.Interface[x]==1'").packages[0]!.name).toBe('zope-interface');
  });

  it('npm: @version (scope-aware), moving tags, git hashes, paths and tarballs', () => {
    expect(pins('npm install a a@1 @s/b @s/b@^2 c@latest d@npm:e@3 org/repo org/repo#v1 ./x y.tgz')).toEqual([
      'a:package:false', 'a@1:package:true', '@s/b:package:false', '@s/b@^2:package:true', 'c@latest:package:false',
      'd@npm:e@3:package:true', 'org/repo:url:false', 'org/repo#v1:url:true', './x:path:true', 'y.tgz:file:true',
    ]);
  });

  it('gem: name:version, -v for the command, local gems', () => {
    expect(pins('gem install rails rake:13 x.gem')).toEqual(['rails:package:false', 'rake:13:package:true', 'x.gem:file:true']);
    expect(pins('gem install rails -v 7.2.1')).toEqual(['rails:package:true']);
  });

  it('go: @version, moving queries, local and main-module packages', () => {
    expect(pins('go install a.io/x@v1 a.io/y@latest a.io/z ./cmd/... cmd/tool')).toEqual([
      'a.io/x@v1:package:true', 'a.io/y@latest:package:false', 'a.io/z:package:false', './cmd/...:path:true', 'cmd/tool:path:true',
    ]);
  });

  it('rpm: the version starts at the first dash after which every part starts with a digit', () => {
    expect(pins("dnf install -y nginx nginx-1.26.1 python3-pip java-1.8.0-openjdk java-1.8.0-openjdk-1.8.0.412 gcc-c++ k-6.9-200.fc40 @grp /usr/bin/x 'pkgconfig(z)' x.rpm")).toEqual([
      'nginx:package:false', 'nginx-1.26.1:package:true', 'python3-pip:package:false', 'java-1.8.0-openjdk:package:false',
      'java-1.8.0-openjdk-1.8.0.412:package:true', 'gcc-c++:package:false', 'k-6.9-200.fc40:package:true', '@grp:group:?', '/usr/bin/x:path:?',
      "'pkgconfig(z)':path:?", 'x.rpm:file:true',
    ]);
    expect(only('dnf install -y java-1.8.0-openjdk-1.8.0.412').packages[0]!.name).toBe('java-1.8.0-openjdk');
    expect(pins('dnf module install nodejs:20 ruby')).toEqual(['nodejs:20:package:true', 'ruby:package:false']);
    expect(pins('yum groupinstall -y "Development Tools"')).toEqual(['"Development Tools":group:?']);
  });

  it('zypper: operators, types other than package, patterns', () => {
    expect(pins("zypper in curl curl=8 'git>=2' pattern:x")).toEqual(['curl:package:false', 'curl=8:package:true', "'git>=2':package:true", 'pattern:x:group:?']);
    expect(pins('zypper in -t pattern devel_basis')).toEqual(['devel_basis:group:?']);
  });

  it('lists unpinned packages, and names them for messages', () => {
    expect(unpinnedPackages(only('apk add a b=1 $C d')).map((p) => p.word.text)).toEqual(['a', 'd']);
    expect(listForMessage(['a'])).toBe('`a`');
    expect(listForMessage(['a', 'b'])).toBe('`a` and `b`');
    expect(listForMessage(['a', 'b', 'c', 'd', 'e'])).toBe('`a`, `b`, `c` and 2 more');
  });
});
