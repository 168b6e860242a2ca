// Whether the page is waiting on its Rust side: the count of commands sent and not yet answered
// (a bulk job's command answers when the job ends) is kept on the page's root as `data-working`,
// gone when none is out. The E2E suite waits while the app says it works instead of for a fixed
// time, so a loaded machine makes a test slower, never red. The count lives in the page itself:
// there is one page, and nothing else keeps it.

const root = (): HTMLElement => document.documentElement;

function add(delta: number): void {
  const outstanding = Number(root().dataset.working ?? '0') + delta;
  if (outstanding > 0) root().dataset.working = String(outstanding);
  else delete root().dataset.working;
}

/** Runs `send` (one command to the Rust side), counted as outstanding until it settles. */
export async function whileWorking<T>(send: () => Promise<T>): Promise<T> {
  add(1);
  try {
    return await send();
  } finally {
    add(-1);
  }
}
