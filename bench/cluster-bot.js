// Two (CLUSTER_WORKERS) bot processes behind one port with node's cluster module: the primary only hands
// connections to the workers; each worker is the compiled bot, sharing one Redis.
const cluster = require('node:cluster');
const { resolve } = require('node:path');

if (cluster.isPrimary) {
  const workers = Number(process.env.CLUSTER_WORKERS || 2);
  for (let i = 0; i < workers; i += 1) cluster.fork();
  // The first answered turn shows one worker up; measurements of all of them wait for this line.
  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === workers) process.stdout.write(`${JSON.stringify({ evt: 'workers_listening', workers })}\n`);
  });
  process.once('SIGTERM', () => {
    for (const w of Object.values(cluster.workers)) w.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 500);
  });
} else {
  require(resolve(__dirname, '../dist/main.js')).runProcess(require(resolve(__dirname, '../dist/main.js')).start);
}
