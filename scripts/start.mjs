// Production start: one `next start` worker per CPU core (node:cluster), all sharing one port.
// The server keeps no state, so the workers need nothing from each other; this is the same
// scale-out as N instances behind a load balancer, inside one machine. WEB_CONCURRENCY=1 runs a
// single process. Usage: node scripts/start.mjs [-p PORT] [-H HOST] (arguments go to next start).
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

const requested = Number(process.env.WEB_CONCURRENCY ?? availableParallelism());
const workers = Number.isInteger(requested) && requested > 0 ? requested : 1;

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  for (let i = 0; i < workers; i += 1) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed worker is replaced; requests in flight on it were lost, none are kept.
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  process.argv = [process.argv[0] ?? 'node', 'next', 'start', ...process.argv.slice(2)];
  await import('next/dist/bin/next');
}
