/** Heredocs on RUN, COPY, ADD and ONBUILD: markers, bodies, terminators and their spans. */
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.js';

describe('heredocs', () => {
  it('reads a RUN heredoc: marker, body and span, and goes on with the next instruction', () => {
    const source = 'FROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n';
    const p = parse(source);
    const run = p.ins(1, 'RUN');
    expect(run.form).toBe('heredoc');
    const [doc] = run.heredocs;
    expect(doc).toMatchObject({ delimiter: 'EOF', quoted: false, stripTabs: false, terminated: true });
    expect(doc!.body).toBe('apt-get update\napt-get install -y curl\n');
    expect(p.text(doc!.markerSpan)).toBe('<<EOF');
    expect(p.text(doc!.bodySpan)).toBe('apt-get update\napt-get install -y curl\n');
    expect(p.text(run.span)).toBe('RUN <<EOF\napt-get update\napt-get install -y curl\nEOF');
    expect(p.ins(2, 'USER').user?.value).toBe('app');
    expect(p.errors()).toEqual([]);
  });

  it('strips leading tabs with <<- from the body and the terminator', () => {
    const p = parse('FROM a\nRUN <<-EOT\n\techo one\n\t\techo two\n\tEOT\nUSER x\n');
    const doc = p.ins(1, 'RUN').heredocs[0]!;
    expect([doc.stripTabs, doc.terminated, doc.body]).toEqual([true, true, 'echo one\necho two\n']);
    expect(p.text(doc.bodySpan)).toBe('\techo one\n\t\techo two\n');
    expect(p.ins(2, 'USER').user?.value).toBe('x');
  });

  it('marks quoted delimiters (not expanded), fully or partly quoted', () => {
    for (const [marker, delimiter] of [
      ['<<"EOF"', 'EOF'],
      ["<<'EOF'", 'EOF'],
      ['<<E"O"F', 'EOF'],
      ['<<-"END"', 'END'],
    ] as const) {
      const p = parse(`FROM a\nRUN ${marker}\necho $HOME\n${delimiter}\n`);
      const doc = p.ins(1, 'RUN').heredocs[0]!;
      expect([doc.delimiter, doc.quoted, p.text(doc.markerSpan)], marker).toEqual([delimiter, true, marker]);
      expect(doc.body, marker).toBe('echo $HOME\n');
    }
    expect(parse('FROM a\nRUN <<EOF\nx\nEOF\n').ins(1, 'RUN').heredocs[0]!.quoted).toBe(false);
  });

  it('reads several heredocs in one instruction, in order', () => {
    const source = 'FROM a\nRUN <<A cat /dev/stdin && bash <<B\nfirst\nA\nsecond\nB\nUSER u\n';
    const p = parse(source);
    const run = p.ins(1, 'RUN');
    expect(run.heredocs.map((d) => [d.delimiter, d.body, p.text(d.markerSpan), p.text(d.bodySpan)])).toEqual([
      ['A', 'first\n', '<<A', 'first\n'],
      ['B', 'second\n', '<<B', 'second\n'],
    ]);
    expect(p.text(run.span)).toBe('RUN <<A cat /dev/stdin && bash <<B\nfirst\nA\nsecond\nB');
  });

  it('reads COPY and ADD heredocs: the heredoc is the source, the rest the destination', () => {
    const p = parse('FROM a\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\nCOPY <<one.txt <<two.txt /dst/\n1\none.txt\n2\ntwo.txt\nADD <<EOF /x\ny\nEOF\n');
    const copy = p.ins(1, 'COPY');
    expect(copy.heredocs.map((d) => d.body)).toEqual(['key=value\n']);
    expect(p.text(copy.destination?.span)).toBe('/etc/app.conf');
    expect(p.errors()).toEqual([]);
    const two = p.ins(2, 'COPY');
    expect(two.heredocs.map((d) => [d.delimiter, d.body])).toEqual([
      ['one.txt', '1\n'],
      ['two.txt', '2\n'],
    ]);
    expect(two.destination?.value).toBe('/dst/');
    expect(p.ins(3, 'ADD').heredocs[0]!.body).toBe('y\n');
  });

  it('reads heredocs in an ONBUILD trigger (BuildKit allows RUN/COPY/ADD heredocs there)', () => {
    const p = parse('FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\nUSER x\n');
    const onbuild = p.ins(1, 'ONBUILD');
    expect(p.text(onbuild.span)).toBe('ONBUILD RUN <<EOF\necho hi\nEOF');
    expect(onbuild.trigger?.keyword).toBe('RUN');
    expect(onbuild.trigger?.heredocs.map((d) => d.body)).toEqual(['echo hi\n']);
    expect(p.ins(2, 'USER').user?.value).toBe('x');
    expect(p.errors()).toEqual([]);
  });

  it('does not join heredoc body lines that end with the escape character', () => {
    const p = parse('FROM a\nRUN <<EOF\necho a \\\nEOF\nUSER x\n');
    expect(p.ins(1, 'RUN').heredocs[0]!.body).toBe('echo a \\\n');
    expect(p.ins(2, 'USER').user?.value).toBe('x');
  });

  it('starts the body after a continued instruction line', () => {
    const p = parse('FROM a\nRUN cat <<EOF \\\n  > /file\nbody\nEOF\n');
    const run = p.ins(1, 'RUN');
    expect(run.form).toBe('shell');
    expect(run.heredocs[0]!.body).toBe('body\n');
  });

  it('is not a heredoc inside quotes, glued to a word, or on other instructions', () => {
    expect(parse('FROM a\nRUN echo "<<EOF"\n').ins(1, 'RUN').heredocs).toEqual([]);
    expect(parse('FROM a\nRUN echo a<<EOF\n').ins(1, 'RUN').heredocs).toEqual([]);
    const p = parse('FROM a\nENV A=<<EOF\nUSER x\n');
    expect(p.ins(1, 'ENV').heredocs).toEqual([]);
    expect(p.ins(2, 'USER').user?.value).toBe('x');
  });

  it('accepts a file descriptor before the marker', () => {
    const doc = parse('FROM a\nRUN cat 3<<EOF\nx\nEOF\n').ins(1, 'RUN').heredocs[0]!;
    expect([doc.delimiter, doc.body, doc.terminated]).toEqual(['EOF', 'x\n', true]);
  });

  it('reads CRLF heredocs without the CR in the body or the terminator', () => {
    const p = parse('FROM a\r\nRUN <<EOF\r\necho a\r\nEOF\r\nUSER x\r\n');
    const doc = p.ins(1, 'RUN').heredocs[0]!;
    expect([doc.body, doc.terminated]).toEqual(['echo a\n', true]);
    expect(p.ins(2, 'USER').user?.value).toBe('x');
  });

  it('reports an unterminated heredoc at its marker and keeps the body it read', () => {
    const p = parse('FROM a\nRUN python3 <<EOF\nprint(1)\n');
    const doc = p.ins(1, 'RUN').heredocs[0]!;
    expect([doc.terminated, doc.body, p.text(doc.bodySpan)]).toEqual([false, 'print(1)\n', 'print(1)\n']);
    expect(p.errors()).toEqual([{ message: 'Unterminated heredoc: no line "EOF" ends the heredoc started here.', text: '<<EOF' }]);
  });

  it('does not end a heredoc on a line that only contains the delimiter with other text', () => {
    const p = parse('FROM a\nRUN <<EOF\n EOF\nEOF \nEOF\n');
    expect(p.ins(1, 'RUN').heredocs[0]!.body).toBe(' EOF\nEOF \n');
  });
});
