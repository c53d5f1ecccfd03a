/**
 * A reader for the declaration files of the `kubernetes-types` and `kubernetes-models`
 * packages. Both are generated from Kubernetes' OpenAPI document, one interface per
 * definition, one property per line, so a small tokenizer over the comment-free text
 * is enough; it throws on anything it does not understand rather than guess.
 */

/** Removes comments (block and line) but keeps string literals intact. */
export function stripComments(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      out += text.slice(i, end + 1);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end - 1;
    } else out += c;
  }
  return out;
}

/**
 * Parses a type expression: string, number, boolean, "literal", Name, Array<T>, T[],
 * { [name: string]: T }, and unions of those. Returns a small type tree.
 */
export function parseType(source) {
  const tokens = source.match(/"[^"]*"|[A-Za-z_$][\w$]*|\[\]|[<>{}[\]|:;,]/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected) => {
    const t = tokens[at++];
    if (expected !== undefined && t !== expected) throw new Error(`expected ${expected}, got ${t} in "${source}"`);
    return t;
  };
  function primary() {
    const t = take();
    let type;
    if (t === '{') {
      take('[');
      take();
      take(':');
      take('string');
      take(']');
      take(':');
      type = { kind: 'map', value: union() };
      if (peek() === ';') take(';');
      take('}');
    } else if (t === 'Array') {
      take('<');
      type = { kind: 'array', items: union() };
      take('>');
    } else if (t.startsWith('"')) type = { kind: 'literal', value: t.slice(1, -1) };
    else if (t === 'string' || t === 'number' || t === 'boolean' || t === 'any' || t === 'object') type = { kind: t };
    else if (/^[A-Za-z_$]/.test(t)) type = { kind: 'ref', name: t };
    else throw new Error(`unexpected ${t} in "${source}"`);
    while (peek() === '[]') {
      take();
      type = { kind: 'array', items: type };
    }
    return type;
  }
  function union() {
    const options = [primary()];
    while (peek() === '|') {
      take();
      options.push(primary());
    }
    return options.length === 1 ? options[0] : { kind: 'union', options };
  }
  const type = union();
  if (at !== tokens.length && !(tokens[at] === ';' && at === tokens.length - 1)) {
    throw new Error(`trailing tokens in "${source}"`);
  }
  return type;
}

/**
 * One declaration file → { imports: Map<name, module>, interfaces: Map<name, {properties}>, aliases: Map<name, type> }.
 * Each property: { name, optional, readonly, type }.
 */
export function parseDeclarations(text, { tolerant = false } = {}) {
  const src = stripComments(text);
  const imports = new Map();
  for (const m of src.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const name of m[1].split(',').map((s) => s.trim()).filter(Boolean)) imports.set(name, m[2]);
  }
  const aliases = new Map();
  for (const m of src.matchAll(/export\s+(?:declare\s+)?type\s+(\w+)\s*=\s*([^;]+);/g)) aliases.set(m[1], parseType(m[2]));
  const interfaces = new Map();
  const head = /export\s+(?:declare\s+)?interface\s+(\w+)(?:\s+extends\s+[^{]+)?\s*\{/g;
  for (let m; (m = head.exec(src)); ) {
    const body = blockBody(src, head.lastIndex - 1);
    interfaces.set(m[1], { properties: parseProperties(body, tolerant) });
  }
  return { imports, interfaces, aliases };
}

/** The text between the brace at `open` and its match. */
function blockBody(src, open) {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '"') i = src.indexOf('"', i + 1);
    else if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return src.slice(open + 1, i);
  }
  throw new Error('unbalanced braces');
}

/** Splits an interface body into properties at top-level semicolons. */
function parseProperties(body, tolerant) {
  const members = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') i = body.indexOf('"', i + 1);
    else if (c === '{' || c === '<') depth++;
    else if (c === '}' || c === '>') depth--;
    else if (c === ';' && depth === 0) {
      members.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (body.slice(start).trim()) members.push(body.slice(start));
  const out = [];
  for (const raw of members) {
    const text = raw.trim();
    if (!text) continue;
    if (/^(static|constructor|[\w$]+\s*\()/.test(text)) continue; // methods of model classes
    const m = /^(readonly\s+)?("[^"]+"|'[^']+'|[\w$]+)(\?)?\s*:\s*([\s\S]+)$/.exec(text);
    if (!m) throw new Error(`cannot read member "${text}"`);
    const name = /^["']/.test(m[2]) ? m[2].slice(1, -1) : m[2];
    let type;
    try {
      type = parseType(m[4]);
    } catch (error) {
      if (tolerant) continue; // inline object types (kubernetes-models): not needed for enums
      throw error;
    }
    out.push({ name, optional: Boolean(m[3]), readonly: Boolean(m[1]), type });
  }
  return out;
}
