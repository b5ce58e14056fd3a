// How to start a worker thread from a built .js entry or from a TypeScript source entry (run with tsx).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * A TypeScript entry run from source needs tsx's loader, but Node 20 does not apply module hooks given
 * through a Worker's execArgv (nodejs/node#47747); so for a .ts entry the hooks are registered inside the
 * new thread first, and the entry is imported after that.
 */
export function workerStart(file: string | URL, execArgv?: string[]): { spec: string | URL; options: WorkerOptions } {
  const href = file instanceof URL ? file.href : /^file:/.test(file) ? file : pathToFileURL(file).href;
  const args = execArgv ? [...execArgv] : undefined;
  if (!/\.[cm]?tsx?$/.test(new URL(href).pathname)) return { spec: file, options: args ? { execArgv: args } : {} };
  const api = resolveTsxApi();
  if (!api) return { spec: file, options: args ? { execArgv: args } : {} };
  // Drop a "--import tsx" pair: registering twice in one thread is wasted work.
  const rest: string[] = [];
  for (let i = 0; args && i < args.length; i++) {
    if (args[i] === '--import' && /tsx/.test(args[i + 1] ?? '')) i++;
    else if (/^--import=.*tsx/.test(args[i])) continue;
    else rest.push(args[i]);
  }
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(href)}); });`;
  return { spec: boot, options: { eval: true, execArgv: rest } };
}

/** URL of tsx's ESM registration API, or null when tsx is not installed (packaged app). */
function resolveTsxApi(): string | null {
  try {
    if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  } catch {
    // fall through to require-style resolution (some test runners lack import.meta.resolve)
  }
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  } catch {
    return null;
  }
}
