/** Every output format by name; each lives in its own module and reads the same lint result. */
import type { FormatName } from '../cli/args.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatCodeclimate } from './codeclimate.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  checkstyle: formatCheckstyle,
  codeclimate: formatCodeclimate,
  markdown: formatMarkdown,
};
