/**
 * Stopping what the user started. `npx jixiao worker` runs jixiao as a grandchild (npm exec → sh
 * → node) and npm does not pass SIGTERM on: killing the process the user started left the
 * worker running, orphaned and still taking jobs. Under npm (npx, npm run) the process therefore
 * also stops when its parent goes away; run directly it keeps the usual Unix behaviour (a worker
 * started with nohup outlives its shell).
 */

/** How often the parent is looked at: a stopped npx is noticed within this time. */
const PARENT_POLL_MS = 500;

/**
 * Calls `stop` once, on SIGTERM, SIGINT, or (under npm) when the parent process exits. Returns a
 * function that removes the listeners.
 */
export function onStopRequest(stop: (why: string) => void, env: NodeJS.ProcessEnv = process.env): () => void {
  let done = false;
  const once = (why: string) => {
    if (done) return;
    done = true;
    stop(why);
  };
  const onSigterm = () => once('SIGTERM');
  const onSigint = () => once('SIGINT');
  process.once('SIGTERM', onSigterm);
  process.once('SIGINT', onSigint);
  const parent = process.ppid;
  const underNpm = env.npm_command !== undefined || env.npm_lifecycle_event !== undefined;
  const timer = underNpm
    ? setInterval(() => {
        if (process.ppid !== parent) once('the process that started jixiao (npx/npm) exited');
      }, PARENT_POLL_MS)
    : null;
  timer?.unref();
  return () => {
    process.off('SIGTERM', onSigterm);
    process.off('SIGINT', onSigint);
    if (timer) clearInterval(timer);
  };
}
