/** Reads the failing and passing examples out of a rule's documentation. */
export interface DocExample {
  kind: 'failing' | 'passing';
  lang: string;
  code: string;
}

const FENCE = /```([\w-]*)[^\n]*\n([\s\S]*?)```/g;

export function docExamples(markdown: string): DocExample[] {
  const out: DocExample[] = [];
  const sections = markdown.split(/^## /m);
  for (const section of sections) {
    const heading = section.split('\n', 1)[0]!.trim().toLowerCase();
    const kind = heading.startsWith('failing example') ? 'failing' : heading.startsWith('passing example') ? 'passing' : undefined;
    if (!kind) continue;
    for (const m of section.matchAll(FENCE)) out.push({ kind, lang: m[1] ?? '', code: m[2]! });
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
