/** A problem with the command's own inputs or outputs (a baseline file, a fixed file): one line, exit 2. */
export class CliError extends Error {
  override name = 'CliError';
}
