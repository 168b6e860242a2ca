// Questions to the core asked once typing settles: each answer kept by its question (asking
// twice about the same text asks once), a question under way shared by whoever waits for it,
// and the timer that lets typing settle. The folder and the form checks of Bulk edit are two
// uses (features/bulk/folderCheck.svelte.ts, formCheck.svelte.ts).
//
// Not here: what is asked or how an answer shows.

export class SettledQuestions<Q, A> {
  /** Answers by question key. */
  answers = $state<Record<string, A>>({});
  /** The last answer received, with its question (an answer stays good for the fields it
   *  covers while other fields change). */
  latest = $state<{ question: Q; answer: A } | null>(null);

  #ask: (question: Q) => Promise<A | null>;
  #keyOf: (question: Q) => string;
  #delayMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Questions under way, by key (not state: nothing shows them). */
  #asking: Record<string, Promise<A | null>> = {};

  /** `ask` answers null when the core could not be asked (nothing is kept then). */
  constructor(ask: (question: Q) => Promise<A | null>, keyOf: (question: Q) => string, delayMs: number) {
    this.#ask = ask;
    this.#keyOf = keyOf;
    this.#delayMs = delayMs;
  }

  /** The answer to `question`; null while it is not known. */
  answerFor(question: Q): A | null {
    return this.answers[this.#keyOf(question)] ?? null;
  }

  /** Asks `question` once typing settles. */
  follow(question: Q): void {
    this.stop();
    if (this.answerFor(question) !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.resolve(question);
    }, this.#delayMs);
  }

  /** The answer to `question`, asked now when not known. */
  async resolve(question: Q): Promise<A | null> {
    const key = this.#keyOf(question);
    const known = this.answers[key];
    if (known !== undefined) return known;
    let asking = this.#asking[key];
    if (!asking) {
      asking = this.#ask(question);
      this.#asking[key] = asking;
    }
    const answer = await asking;
    delete this.#asking[key];
    if (answer !== null) {
      this.answers[key] = answer;
      this.latest = { question, answer };
    }
    return answer;
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
