// Preloaded with `node --require` when GNU time is missing: reports the process's own peak
// resident set size (getrusage ru_maxrss, KiB on Linux) on stderr as it exits.
process.on('exit', () => {
  process.stderr.write(`max-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
