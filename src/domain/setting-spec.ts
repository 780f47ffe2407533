/** What a `tasks config` key is: its default, its description and the check of a new value. */
import type { Text } from './errors.js';

export interface SettingSpec {
  key: string;
  /** Used when nothing is stored; '' means "left blank", as in a draft before registration. */
  defaultValue: string;
  description: Text;
  /** Returns the value to store, or throws a ValidationError the user can act on. */
  check: (value: string) => string;
  /** Holds a secret: shown and audited through this, never as stored. */
  mask?: (value: string) => string;
}
