// The start-up check as reactive state: the steps streamed so far, the result, or the error
// that stopped it. `run()` can be called again ("Check again" after unlocking the keychain).
import { checkHealth } from '../ipc/commands';
import { toIpcError } from '../ipc/errors';
import type { AppHealth, CheckStep, IpcError } from '../ipc/types';

export class StartupCheck {
  steps = $state<CheckStep[]>([]);
  health = $state<AppHealth | null>(null);
  error = $state<IpcError | null>(null);
  running = $state(false);

  keychain = $derived(this.health?.keychain ?? null);
  /** True once a run has ended, whatever its outcome. */
  finished = $derived(!this.running && (this.health !== null || this.error !== null));
  anyStepFailed = $derived(this.steps.some((step) => !step.ok));

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.steps = [];
    this.error = null;
    // Keep the previous result (and its version) on screen until the new one arrives, so
    // "Check again" does not make the banner flicker away and back.
    try {
      this.health = await checkHealth((step) => {
        this.steps.push(step);
      });
    } catch (thrown) {
      this.health = null;
      this.error = toIpcError(thrown);
    } finally {
      this.running = false;
    }
  }
}
