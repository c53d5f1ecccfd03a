import picomatch from 'picomatch';
import { defineRule } from '../../src/core/rule.js';
import '../../src/model/graph/kubernetes/part.js';
import '../../src/model/graph/links.js';

interface Options {
  /** Base images known to set a numeric non-root USER themselves (glob patterns). */
  nonRootImages: string[];
}

const ROOT = /^(root|0)(:.*)?$/;
const NUMERIC = /^\d+(:\d+)?$/;

export default defineRule<'root' | 'unset' | 'nonNumeric', Options>({
  id: 'run-as-non-root-image-root',
  meta: {
    description: 'A container with runAsNonRoot must run an image whose user is a numeric non-root UID',
    formats: ['kubernetes'],
    severity: 'error',
    recommended: true,
    category: 'correctness',
    sources: [],
    messages: {
      root: 'runAsNonRoot is true but the image built by {{dockerfile}} runs as "{{user}}", so the kubelet refuses to start it ("container has runAsNonRoot and image will run as root"); set a non-root USER in the Dockerfile or runAsUser here.',
      unset:
        'runAsNonRoot is true but {{dockerfile}} sets no USER, so the image runs as root and the kubelet refuses to start it ("container has runAsNonRoot and image will run as root"); add `USER 10001` (a numeric UID) to the Dockerfile, or set runAsUser.',
      nonNumeric:
        'runAsNonRoot is true but the image built by {{dockerfile}} runs as the user name "{{user}}", which the kubelet cannot verify ("container has runAsNonRoot and image has non-numeric user ({{user}}), cannot verify user is non-root"); use a numeric UID in USER, or set runAsUser.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { nonRootImages: { type: 'array', items: { type: 'string' } } },
    },
    defaults: { nonRootImages: ['**:nonroot', '**:*-nonroot', '**/*nonroot*'] },
    fixable: false,
  },
  create(ctx, options) {
    const knownNonRoot = picomatch(options.nonRootImages, { dot: true });
    return {
      Project(graph) {
        for (const [container, build] of graph.links.containers) {
          if (container.runAsNonRoot?.value !== true) continue;
          // An explicit runAsUser decides; the image's USER does not matter then.
          if (container.runAsUser) continue;
          const image = build.stage.image;
          const dockerfile = build.model.file.path;
          const related = [{ node: image.user?.at ?? build.stage.from, message: `The image's user, from ${dockerfile}.` }];
          const user = image.user?.value.trim();
          if (user === undefined) {
            if (image.baseImage && knownNonRoot(image.baseImage)) continue;
            ctx.report({ messageId: 'unset', node: container.runAsNonRoot.at, data: { dockerfile }, related });
          } else if (/\$/.test(user)) continue;
          else if (ROOT.test(user)) ctx.report({ messageId: 'root', node: container.runAsNonRoot.at, data: { dockerfile, user }, related });
          else if (!NUMERIC.test(user)) ctx.report({ messageId: 'nonNumeric', node: container.runAsNonRoot.at, data: { dockerfile, user }, related });
        }
      },
    };
  },
});
