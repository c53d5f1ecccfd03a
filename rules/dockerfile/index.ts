import type { RuleGroup } from '../index.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import dockerfileSyntax from './dockerfile-syntax.js';
import unchainedRun from './unchained-run.js';

const group: RuleGroup = {
  folder: 'dockerfile',
  rules: [aptGetMissingYes, dockerfileSyntax, unchainedRun],
};
export default group;
