/** The fixes of the RUN rules: applied to the text, they give exactly the expected result. */
import { describe, expect, it } from 'vitest';
import { fixed } from './helpers/fixes.js';

const df = (...lines: string[]) => ['FROM x', ...lines, ''].join('\n');

describe('flag-inserting fixes', () => {
  it('inserts the missing flag after the subcommand', () => {
    expect(fixed('apt-get-missing-no-install-recommends', df('RUN apt-get update && apt-get install -y curl'))).toBe(
      df('RUN apt-get update && apt-get install --no-install-recommends -y curl'),
    );
    expect(fixed('apk-missing-no-cache', df('RUN apk add curl'))).toBe(df('RUN apk add --no-cache curl'));
    expect(fixed('pip-missing-no-cache-dir', df('RUN python3 -m pip install -r r.txt'))).toBe(df('RUN python3 -m pip install --no-cache-dir -r r.txt'));
    expect(fixed('yum-missing-yes', df('RUN yum install httpd && yum clean all'))).toBe(df('RUN yum install -y httpd && yum clean all'));
    expect(fixed('dnf-missing-yes', df('RUN dnf group install "Dev Tools"'))).toBe(df('RUN dnf group install -y "Dev Tools"'));
    expect(fixed('useradd-without-no-log-init', df('RUN useradd -u 1000001 app'))).toBe(df('RUN useradd -l -u 1000001 app'));
  });
  it('adds the flag as a JSON string to an exec-form RUN, which stays valid JSON', () => {
    expect(fixed('apt-get-missing-yes', df('RUN ["apt-get", "install", "curl"]'))).toBe(df('RUN ["apt-get", "install", "-y", "curl"]'));
    expect(fixed('apk-missing-no-cache', df('RUN ["apk", "add", "curl"]'))).toBe(df('RUN ["apk", "add", "--no-cache", "curl"]'));
  });
  it('puts zypper -n before the subcommand, where it is a global option', () => {
    expect(fixed('zypper-missing-non-interactive', df('RUN sudo zypper --gpg-auto-import-keys install curl'))).toBe(
      df('RUN sudo zypper -n --gpg-auto-import-keys install curl'),
    );
  });
});

describe('duplicate-package fix', () => {
  it('removes an exact repetition with the continuation before it', () => {
    expect(fixed('duplicate-package', df('RUN apk add --no-cache \\', '    curl \\', '    git \\', '    curl \\', ' && true'))).toBe(
      df('RUN apk add --no-cache \\', '    curl \\', '    git \\', ' && true'),
    );
    expect(fixed('duplicate-package', df('RUN apk add --no-cache curl git curl jq'))).toBe(df('RUN apk add --no-cache curl git jq'));
  });
  it('leaves repetitions with another version, or with a comment in between, alone', () => {
    const versions = df('RUN apk add --no-cache curl=1 curl=2');
    expect(fixed('duplicate-package', versions)).toBe(versions);
    const comment = df('RUN apk add --no-cache \\', '    curl \\', '# tools', '    curl');
    expect(fixed('duplicate-package', comment)).toBe(comment);
  });
});

describe('unsorted-packages fix', () => {
  it('sorts the package words in place, keeping options and variables where they are', () => {
    expect(fixed('unsorted-packages', df('RUN apt-get install -y \\', '    git \\', '    $EXTRA \\', '    curl=7 \\', '    --no-install-recommends ca-certificates'))).toBe(
      df('RUN apt-get install -y \\', '    ca-certificates \\', '    $EXTRA \\', '    curl=7 \\', '    --no-install-recommends git'),
    );
  });
});

describe('unsafe fixes', () => {
  it('replaces apt with apt-get where both mean the same', () => {
    const text = df('RUN apt update && apt install -y curl && apt upgrade -y');
    expect(fixed('apt-instead-of-apt-get', text)).toBe(text);
    expect(fixed('apt-instead-of-apt-get', text, { unsafe: true })).toBe(df('RUN apt-get update && apt-get install -y curl && apt upgrade -y'));
  });
  it('keeps an exec-form RUN valid JSON', () => {
    expect(fixed('apt-instead-of-apt-get', df('RUN ["apt", "install", "-y", "curl"]'), { unsafe: true })).toBe(df('RUN ["apt-get", "install", "-y", "curl"]'));
    expect(fixed('sudo-in-run', df('RUN ["sudo", "apt-get", "update"]'), { unsafe: true })).toBe(df('RUN ["apt-get", "update"]'));
  });
  it('removes a plain sudo, not one with options', () => {
    const text = df('RUN sudo apt-get update && sudo -u app make');
    expect(fixed('sudo-in-run', text)).toBe(text);
    expect(fixed('sudo-in-run', text, { unsafe: true })).toBe(df('RUN apt-get update && sudo -u app make'));
  });
});
