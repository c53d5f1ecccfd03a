import type { RuleGroup } from '../index.js';
import latestTag from './latest-tag.js';
import runAsRoot from './run-as-root.js';
import untaggedImage from './untagged-image.js';

const group: RuleGroup = {
  folder: 'container',
  rules: [latestTag, runAsRoot, untaggedImage],
};
export default group;
