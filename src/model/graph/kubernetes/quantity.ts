/** Kubernetes resource quantities (`100m`, `1.5`, `128Mi`, `1G`, `1e3`) as numbers of base units. */
const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** undefined when the text is not a quantity. */
export function parseQuantity(text: string): number | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIX[m[3] ?? '']!;
}

/** A quantity for messages: cores as `500m` / `2`, bytes as `256Mi` / `1.5Gi` when exact enough. */
export function formatQuantity(resource: string, value: number): string {
  if (/cpu$/.test(resource)) return Number.isInteger(value) ? String(value) : `${Math.round(value * 1000)}m`;
  if (/memory$|storage$/.test(resource)) {
    for (const [unit, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
      if (value >= size && Number.isInteger((value / size) * 100)) return `${+(value / size).toFixed(2)}${unit}`;
    }
  }
  return String(+value.toPrecision(6));
}
