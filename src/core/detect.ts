/** Which format a file is, by name first and then by content. */
import { basename } from 'node:path';
import type { FileFormat } from './types.js';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:Dockerfile|dockerfile))$/;
/** BuildKit's per-Dockerfile ignore file (`Dockerfile.dockerignore`), not a Dockerfile. */
const DOCKERIGNORE = /\.dockerignore$/;
/** `Dockerfile-dev`, `Dockerfile_arm`: read, and taken for Dockerfiles when their content is one. */
const DOCKERFILE_LIKE = /^(?:Dockerfile|Containerfile|dockerfile)[-_]./;
const COMPOSE_NAME = /^(?:(?:docker-)?compose(?:\.[^/]+)?|.+\.compose)\.ya?ml$/;
const KUSTOMIZE_NAME = /^(?:kustomization\.ya?ml|Kustomization)$/;
const YAML_OR_JSON = /\.(?:ya?ml|json)$/i;

/** The format a file name alone implies, if any. */
export function formatFromName(path: string): FileFormat | undefined {
  const name = basename(path);
  if (DOCKERFILE_NAME.test(name) && !DOCKERIGNORE.test(name)) return 'dockerfile';
  if (COMPOSE_NAME.test(name)) return 'compose';
  if (KUSTOMIZE_NAME.test(name)) return 'kustomize';
  return undefined;
}

/** Names worth reading when walking folders. */
export function isCandidateName(path: string): boolean {
  return formatFromName(path) !== undefined || YAML_OR_JSON.test(path) || DOCKERFILE_LIKE.test(basename(path));
}

const HELM_ACTION = /\{\{-?\s*(?:\.Values|\.Release|\.Chart|\.Capabilities|include\b|template\b|define\b|if\b|range\b|with\b|end\b|toYaml\b|\$)/;
const TOP_LEVEL_SERVICES = /^services\s*:/m;
const API_VERSION = /^\s*(?:-\s+)?["']?apiVersion["']?\s*:/m;
const KIND = /^\s*(?:-\s+)?["']?kind["']?\s*:/m;
const DOCKERFILE_START = /^\s*(?:FROM|ARG)\s/i;
/** A Dockerfile template (jq-template, Jinja, Go): a line that is a template action, or a templated FROM. */
const DOCKERFILE_TEMPLATE = /^[ \t]*(?:\{\{|\{%)|^FROM[ \t][^\n]*\{\{/im;
const DIRECTIVE = /^#\s*(?:syntax|escape|check)\s*=/i;

/**
 * Detects the format. `explicit` files (named on the command line or piped in) are
 * read by content even when the name says nothing; found files are skipped instead.
 */
export function detectFormat(path: string, text: string, explicit: boolean): FileFormat | undefined {
  const byName = formatFromName(path);
  if (byName === 'dockerfile') return dockerfileOrTemplate(text);
  const yamlish = YAML_OR_JSON.test(path);
  if (byName === 'compose' || byName === 'kustomize') return HELM_ACTION.test(text) ? 'helm' : byName;
  if (!yamlish && !explicit) {
    return DOCKERFILE_LIKE.test(basename(path)) && looksLikeDockerfile(text) ? dockerfileOrTemplate(text) : undefined;
  }
  if (!yamlish && looksLikeDockerfile(text)) return dockerfileOrTemplate(text);
  if (HELM_ACTION.test(text)) return 'helm';
  if (/\.json$/i.test(path) ? /"apiVersion"/.test(text) && /"kind"/.test(text) : API_VERSION.test(text) && KIND.test(text)) {
    return 'kubernetes';
  }
  if (TOP_LEVEL_SERVICES.test(text)) return 'compose';
  return yamlish || explicit ? 'yaml' : undefined;
}

/** A template is skipped like a Helm chart ('helm': templated-file-skipped), not linted. */
const dockerfileOrTemplate = (text: string): FileFormat => (DOCKERFILE_TEMPLATE.test(text) ? 'helm' : 'dockerfile');

function looksLikeDockerfile(text: string): boolean {
  for (const line of text.split('\n', 200)) {
    const t = line.trim();
    if (t === '') continue;
    if (t.startsWith('#')) {
      if (DIRECTIVE.test(t)) return true;
      continue;
    }
    return DOCKERFILE_START.test(t);
  }
  return false;
}
