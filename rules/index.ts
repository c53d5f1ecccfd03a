/** Every rule group. Each folder's index lists its rules; the meta test checks nothing is missing. */
import type { AnyRule } from '../src/core/rule.js';
import container from './container/index.js';
import dockerfile from './dockerfile/index.js';
import general from './general/index.js';

export interface RuleGroup {
  folder: string;
  rules: readonly AnyRule[];
}

export const allRuleGroups: readonly RuleGroup[] = [general, container, dockerfile];
