/**
 * Kubernetes' name and label syntax (k8s.io/apimachinery/pkg/util/validation), and which
 * name rule each built-in kind's metadata.name follows. Returns why a value is invalid,
 * or undefined when it is valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export type NameRule = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

export function dns1123Label(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters long; a DNS-1123 label has at most 63`;
  if (!DNS1123_LABEL.test(value)) return 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. "my-name")';
  return undefined;
}

export function dns1123Subdomain(value: string): string | undefined {
  if (value.length > 253) return `is ${value.length} characters long; a DNS-1123 subdomain has at most 253`;
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return 'must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit (e.g. "example.com")';
  }
  return undefined;
}

export function dns1035Label(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters long; a DNS-1035 label has at most 63`;
  if (!DNS1035_LABEL.test(value)) return 'must be a DNS-1035 label: lower-case letters, digits and "-", starting with a letter and ending with a letter or digit (e.g. "my-name")';
  return undefined;
}

function pathSegment(value: string): string | undefined {
  if (value === '.' || value === '..') return `may not be "${value}"`;
  if (/[/%]/.test(value)) return 'may not contain "/" or "%"';
  return undefined;
}

export function checkName(rule: NameRule, value: string): string | undefined {
  switch (rule) {
    case 'dns1123-label':
      return dns1123Label(value);
    case 'dns1035-label':
      return dns1035Label(value);
    case 'path-segment':
      return pathSegment(value);
    default:
      return dns1123Subdomain(value);
  }
}

/** A label or annotation key: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function checkQualifiedKey(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix === '') return 'has an empty prefix before "/"';
    if (dns1123Subdomain(prefix)) return `has the prefix "${prefix}", which must be a DNS-1123 subdomain (lower-case, e.g. "example.com")`;
  }
  if (name.length === 0) return 'has an empty name';
  if (name.length > 63) return `has a name part of ${name.length} characters; at most 63 are allowed`;
  if (!QUALIFIED_NAME.test(name)) return 'must consist of letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}

export function checkLabelValue(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters long; a label value has at most 63`;
  if (!LABEL_VALUE.test(value)) return 'must be empty or consist of letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}

/** Kinds whose name follows another rule than a DNS-1123 subdomain (apiserver validation). */
const NAME_RULES: Record<string, NameRule> = {
  Namespace: 'dns1123-label',
  Service: 'dns1035-label',
  // RBAC and HPA names are path segments: "system:controller:foo" is valid.
  Role: 'path-segment',
  ClusterRole: 'path-segment',
  RoleBinding: 'path-segment',
  ClusterRoleBinding: 'path-segment',
  HorizontalPodAutoscaler: 'path-segment',
};

/** The name rule of a built-in kind (custom resources are not checked: their CRD decides). */
export function nameRuleOf(kind: string): NameRule {
  return NAME_RULES[kind] ?? 'dns1123-subdomain';
}
