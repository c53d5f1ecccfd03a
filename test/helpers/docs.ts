/**
 * Reads the failing and passing examples out of a rule's documentation. A fenced block may
 * name its file (```yaml title="deploy/web.yaml"): the named blocks of one section are one
 * project, linted together, for rules about relationships across files.
 */
export interface DocExample {
  kind: 'failing' | 'passing';
  lang: string;
  code: string;
  /** Set for a project example: its files, by path. */
  files?: { path: string; lang: string; code: string }[];
}

const FENCE = /```([\w-]*)([^\n]*)\n([\s\S]*?)```/g;
const TITLE = /\btitle="([^"]+)"/;

export function docExamples(markdown: string): DocExample[] {
  const out: DocExample[] = [];
  const sections = markdown.split(/^## /m);
  for (const section of sections) {
    const heading = section.split('\n', 1)[0]!.trim().toLowerCase();
    const kind = heading.startsWith('failing example') ? 'failing' : heading.startsWith('passing example') ? 'passing' : undefined;
    if (!kind) continue;
    const files: NonNullable<DocExample['files']> = [];
    for (const m of section.matchAll(FENCE)) {
      const title = TITLE.exec(m[2] ?? '')?.[1];
      if (title) files.push({ path: title, lang: m[1] ?? '', code: m[3]! });
      else out.push({ kind, lang: m[1] ?? '', code: m[3]! });
    }
    if (files.length > 0) out.push({ kind, lang: 'project', code: files.map((f) => f.code).join('\n'), files });
  }
  return out;
}

/** A file name that makes the engine read the example as the right format. */
export function exampleFilename(lang: string, code: string): string | undefined {
  if (lang === 'dockerfile' || lang === 'Dockerfile') return 'Dockerfile';
  if (lang === 'yaml' || lang === 'yml') return /^services\s*:/m.test(code) && !/^apiVersion\s*:/m.test(code) ? 'compose.yaml' : 'manifest.yaml';
  if (lang === 'json') return 'manifest.json';
  return undefined;
}
