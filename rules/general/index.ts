import type { RuleGroup } from '../index.js';
import fileUnreadable from './file-unreadable.js';

const group: RuleGroup = {
  folder: 'general',
  rules: [fileUnreadable],
};
export default group;
