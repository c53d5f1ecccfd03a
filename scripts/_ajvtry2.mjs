import { convertKubernetesTypes, readModelEnums } from './kubernetes-schemas/convert.mjs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { writeFileSync, mkdirSync } from 'node:fs';
const enums = readModelEnums('node_modules/kubernetes-models');
const r = convertKubernetesTypes(`node_modules/kubernetes-types-1-30`, enums);
for (const opts of [{ messages: false }, { messages: false, inlineRefs: false }, {messages:false, inlineRefs: 3}]) {
  const t0 = performance.now();
  let total = 0; const sizes = {};
  for (const [gv, ks] of Object.entries(r.kinds)) {
    const ajv = new Ajv.default({ allErrors: true, strict: false, ...opts, code: { source: true, esm: true, optimize: 1 }, formats: { 'int-or-string': true, quantity: true } });
    ajv.addSchema({ $id: 'k8s', definitions: r.definitions });
    const refs = {};
    for (const [k, id] of Object.entries(ks)) { ajv.getSchema(`k8s#/definitions/${id}`) ; refs[k] = `k8s#/definitions/${id}`; }
    const code = standaloneCode.default(ajv, refs);
    total += code.length; sizes[gv] = code.length;
    mkdirSync('/tmp/sa', { recursive: true }); writeFileSync(`/tmp/sa/${gv.replace(/\W/g,'_')}.mjs`, code);
  }
  console.log(JSON.stringify(opts), 'total', total, 'apps', sizes['apps/v1'], 'core', sizes['v1'], 'batch', sizes['batch/v1'], (performance.now()-t0).toFixed(0),'ms');
}
