/**
 * `--format sarif`: SARIF 2.1.0, one run. Rules that fired are described in
 * tool.driver.rules; results carry exact regions (1-based, end column exclusive,
 * UTF-16 columns as `columnKind` says) and our fingerprint as a partial fingerprint,
 * so GitHub code scanning tracks an alert across commits.
 */
import type { LintResult } from '../core/lint.js';
import { packageVersion } from '../core/package-info.js';
import { SEVERITY_RANK, type Finding, type Range, type Severity } from '../core/types.js';
import { rangeResolver } from './json.js';
import { pathToUriReference, rootRelativePath } from './paths.js';
import { REPOSITORY_URL, ruleInfo } from './rule-info.js';
import type { Formatter, ReportContext } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Key of our fingerprint in `partialFingerprints`; bump the version if the recipe changes. */
export const FINGERPRINT_KEY = 'plimsoll/v1';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's bands: ≥9 critical, 7–8.9 high, 4–6.9 medium, <4 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '2.0' };

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function region(range: Range): Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function ruleDescriptor(id: string, highest: Severity) {
  const info = ruleInfo(id);
  const tags = [...new Set([...(info.category ? [info.category] : []), ...info.formats])];
  const properties: Record<string, unknown> = { tags };
  if (info.category === 'security') properties['security-severity'] = SECURITY_SEVERITY[highest];
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: info.description },
    fullDescription: { text: info.fullDescription },
    ...(info.docMarkdown ? { help: { text: info.fullDescription, markdown: info.docMarkdown } } : {}),
    helpUri: info.helpUri,
    defaultConfiguration: { level: LEVEL[info.severity] },
    properties,
  };
}

const pascalCase = (id: string): string => id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export function toSarif(result: LintResult, context: ReportContext) {
  const rangeOf = rangeResolver(result);
  const highest = new Map<string, Severity>();
  for (const f of result.findings) {
    const prev = highest.get(f.ruleId);
    if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev]) highest.set(f.ruleId, f.severity);
  }
  const ruleIds = [...highest.keys()].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const location = (file: string) => ({ uri: pathToUriReference(rootRelativePath(file, context)), uriBaseId: '%SRCROOT%' });

  const results = result.findings.map((f: Finding) => {
    const out: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId)!,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: location(f.file), region: region(f.range) } }],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    };
    if (f.object) {
      const name = [f.object.namespace, f.object.name].filter(Boolean).join('/');
      out.locations = [
        {
          ...(out.locations as object[])[0],
          logicalLocations: [{ name, kind: 'resource', fullyQualifiedName: `${f.object.kind}/${name}${f.object.path ? `#${f.object.path}` : ''}` }],
        },
      ];
    }
    if (f.related?.length) {
      out.relatedLocations = f.related.map((r, i) => {
        const range = r.range ?? (r.span ? rangeOf(r.file, r.span) : undefined);
        return {
          id: i + 1,
          message: { text: r.message },
          physicalLocation: { artifactLocation: location(r.file), ...(range ? { region: region(range) } : {}) },
        };
      });
    }
    if (f.fix?.safe) {
      const replacements = f.fix.edits.flatMap((e) => {
        const range = rangeOf(f.file, e.span);
        return range ? [{ deletedRegion: region(range), insertedContent: { text: e.text } }] : [];
      });
      if (replacements.length === f.fix.edits.length) {
        out.fixes = [{ description: { text: 'Safe fix (plimsoll --fix)' }, artifactChanges: [{ artifactLocation: location(f.file), replacements }] }];
      }
    }
    return out;
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plimsoll',
            version: packageVersion(),
            semanticVersion: packageVersion(),
            informationUri: REPOSITORY_URL,
            rules: ruleIds.map((id) => ruleDescriptor(id, highest.get(id)!)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export const formatSarif: Formatter = (result, context) => `${JSON.stringify(toSarif(result, context), null, 2)}\n`;
