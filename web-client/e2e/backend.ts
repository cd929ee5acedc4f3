/**
 * Vitest global setup for the end-to-end run: the real backend on a fresh SQLite file with the demo data,
 * served by uvicorn on a free port, serving the built client (`npm run build` first) from the same origin.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import type { TestProject } from "vitest/node";

const CLIENT = resolve(import.meta.dirname, "..");
const ROOT = resolve(CLIENT, "..");
const PYTHON = join(ROOT, ".venv", "bin", "python");
const UVICORN = join(ROOT, ".venv", "bin", "uvicorn");

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the task worker prints the emails it sends (console email backend). */
    mailLog: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function manage(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(PYTHON, ["manage.py", ...args], { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`manage.py ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

async function waitForHealth(url: string, server: ChildProcess, log: string) {
  const deadline = Date.now() + 180_000; // a loaded 2-core machine can take a minute to import Django and Wagtail
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`uvicorn exited with ${server.exitCode}; see ${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the backend did not become healthy; see ${log}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(CLIENT, "dist", "index.html"))) throw new Error("Build the client first: npm run build");
  const workdir = mkdtempSync(join(tmpdir(), "serveflow-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DJANGO_SETTINGS_MODULE: "settings.dev",
    DEBUG: "False", // production-like serving (no autorefresh) so the load time measured is meaningful
    DATABASE_URL: `sqlite:///${join(workdir, "db.sqlite3")}`,
    MEDIA_ROOT: join(workdir, "media"),
    // A non-default port, as `PORT=… make run` gives it: nothing else is set, so every image URL, email link,
    // preview frame and websocket origin must follow PORT (or the request) on its own.
    PORT: String(port),
    LOG_LEVEL: "WARNING",
    // Every browser of the suite signs up and chats from 127.0.0.1: per-address budgets sized for that one address
    // (the per-user budgets stay as shipped).
    RATE_LIMITS_OVERRIDES: JSON.stringify({
      register: { ip: "1000/hour" },
      request_password_reset: { ip: "1000/hour" },
      resend_verification_email: { ip: "1000/hour" },
      send_message: { ip: "1000/minute" },
      bid: { ip: "1000/minute" },
      analyze_request_image: { ip: "1000/minute" },
    }),
  };
  for (const derived of ["CLIENT_ORIGINS", "CLIENT_URL", "WAGTAILADMIN_BASE_URL", "CMS_PREVIEW_URL"]) delete env[derived];
  delete env.REDIS_URL; // the embedded default: in-memory channel layer in the one uvicorn process
  mkdirSync(join(workdir, "media"));
  manage(["migrate", "--noinput"], env);
  manage(["load_demo_data", "--force"], env); // DEBUG is off here, on a throwaway database

  const log = join(workdir, "uvicorn.log");
  const out = openSync(log, "a");
  const server = spawn(UVICORN, ["settings.asgi:application", "--host", "127.0.0.1", "--port", String(port), "--ws", "websockets", "--lifespan", "off"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", out, out],
  });
  // The durable task worker, as `make run` starts it: it sends the emails (console backend → mailLog).
  const mailLog = join(workdir, "mail.log");
  const worker = spawn(PYTHON, ["manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2", "--no-startup-delay", "--no-reload"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", openSync(mailLog, "a"), openSync(mailLog, "a")],
  });
  // The clock bin/serve runs (scheduled publishing, job timers), ticking every second instead of every minute.
  const clock = spawn(PYTHON, ["manage.py", "run_clock", "--interval", "1"], { cwd: ROOT, env, stdio: ["ignore", out, out] });
  await waitForHealth(baseUrl, server, log);
  project.provide("baseUrl", baseUrl);
  project.provide("mailLog", mailLog);

  return async () => {
    for (const child of [server, worker, clock]) {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
    }
    if (!process.env.E2E_KEEP) rmSync(workdir, { recursive: true, force: true });
  };
}
