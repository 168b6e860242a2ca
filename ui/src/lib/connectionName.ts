// A connection's name as the window shows it (issue 77). The stored name is the person's data
// and stays as it was written; a name Metadesk made ("Program 14726 · environment 686683",
// `autoName`) is worded in the reader's language ("Programme 14726 · environnement 686683"),
// and a second connection to one environment is told apart by its account ("· account
// c9adf360"), not by "(2)". Plain logic, tested in connectionName.test.ts.
import type { ConnectionView } from '../ipc/bindings/ConnectionView';

type Translate = (id: string, args?: Record<string, string | number>) => string;
type Named = Pick<ConnectionView, 'name' | 'autoName'>;

/** The name to show: the person's own as they wrote it, or Metadesk's in the reader's words
 *  with the account that tells it apart from another connection to the same environment. */
export function connectionName(c: Named, t: Translate): string {
  const account = c.autoName?.account;
  const name = typedName(c, t);
  return account ? t('connection-name-account', { name, account }) : name;
}

/** What is typed to confirm a production write: the name shown, without its account (the core
 *  takes a name Metadesk made in any language, `confirm_production`, and the stored one). */
export function typedName(c: Named, t: Translate): string {
  const auto = c.autoName;
  if (!auto) return c.name;
  return t(auto.oauth ? 'connection-auto-name-oauth' : 'aem-place', { program: auto.program, environment: auto.environment });
}

/** Whether `typed`, trimmed, is the connection's name: as shown to type, or as stored. */
export function isTypedName(typed: string, c: Named, t: Translate): boolean {
  const given = typed.trim();
  return given !== '' && (given === c.name || given === typedName(c, t));
}
