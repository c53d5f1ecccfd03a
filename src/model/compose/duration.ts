/** Durations as Go's time.ParseDuration reads them (Compose's healthcheck and grace periods): `1m30s`, `10s`, `1.5h`, `0`. */
const DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;

export function isDuration(text: string): boolean {
  return text === '0' || DURATION.test(text);
}
