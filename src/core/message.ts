/** `{{name}}` placeholders in rule messages. */
export function formatMessage(template: string, data: Record<string, unknown> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data && data[key] !== undefined ? String(data[key]) : whole));
}
