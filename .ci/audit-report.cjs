// Reads `npm audit --json` on stdin: lists high and critical advisories and exits 1 if there is any; says so on
// stderr when the registry gave no report (exit 0, or 1 with AUDIT_REQUIRED=1).
let raw = '';
process.stdin.on('data', (d) => { raw += d; }).on('end', () => {
  let report;
  try { report = JSON.parse(raw); } catch { report = {}; }
  const counts = report.metadata && report.metadata.vulnerabilities;
  if (!counts) {
    process.stderr.write(`npm audit: the registry did not answer (${report.message || 'no report'}): production dependencies NOT checked\n`);
    process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
  }
  const serious = Object.values(report.vulnerabilities || {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
  for (const v of serious) process.stdout.write(`${v.severity}: ${v.name} ${v.range} (${[].concat(v.via).map((x) => x.title || x).join('; ')})\n`);
  process.stdout.write(`npm audit (production dependencies): ${JSON.stringify(counts)}\n`);
  process.exit(serious.length > 0 ? 1 : 0);
});
