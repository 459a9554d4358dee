/** Runs fuzz inputs in a worker thread, so the campaign can kill an input that hangs (a synchronous loop). */
import { parentPort, workerData } from 'node:worker_threads';
import { FLAGSHIP_FILES, type FuzzInput } from './inputs.ts';
import { fuzzTarget } from './pipeline.ts';

const target = fuzzTarget(workerData as string, FLAGSHIP_FILES);

parentPort?.on('message', async (message: FuzzInput) => {
  try {
    const outcome = await target.run(message.markdown, message.fileName);
    parentPort?.postMessage({ ok: true, outcome });
  } catch (error) {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    parentPort?.postMessage({ ok: false, error: stack });
  }
});
parentPort?.postMessage('ready');
