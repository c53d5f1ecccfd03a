// Preloaded into the bench's child processes (`node -r ./bench/usage.cjs …`): at exit, prints
// the process's own CPU time and peak RSS on file descriptor 3, where the bench reads them.
// A child's CPU time cannot be read from its parent in Node, and wall time alone is noisy.
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const cpu = process.cpuUsage();
  const line = JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRss: process.resourceUsage().maxRSS * 1024 });
  try {
    writeSync(3, `${line}\n`);
  } catch {
    // Not run by the bench (no fd 3): nothing to report to.
  }
});
