// A page whose code is fetched the first time it is opened, as its own chunk of the build, so
// the window's first page loads, parses and runs only what it shows (the footprint benchmark's
// "page ready"). Once loaded the component is kept: opening the page again is immediate.

export class LazyPage<T> {
  /** The page's component once loaded; null before (and after a failed load). */
  component = $state.raw<T | null>(null);
  /** Why the page's code could not be loaded, in plain words; null otherwise. */
  error = $state<string | null>(null);

  readonly #importer: () => Promise<{ default: T }>;
  #loading: Promise<void> | null = null;

  constructor(importer: () => Promise<{ default: T }>) {
    this.#importer = importer;
  }

  /** Loads the page's code (once; again after a failure). Never rejects: see `error`. */
  load(): Promise<void> {
    this.#loading ??= this.#importer().then(
      (module) => {
        this.component = module.default;
        this.error = null;
      },
      (thrown: unknown) => {
        // The chunk is a file inside the app, so this means a damaged installation.
        console.error('A page could not be loaded:', thrown);
        this.#loading = null;
        this.error = 'This page could not be opened. Restart Metadesk; if it keeps happening, reinstall it.';
      },
    );
    return this.#loading;
  }
}
