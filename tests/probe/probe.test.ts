import fs from 'node:fs';
import path from 'node:path';
import { checkPublished, parseDisclosure } from '../../src/interchange';
const corpus = '/work/wt/jiangsu/data/corpus/text';
test('probe', () => {
  for (const f of fs.readdirSync(corpus).filter((f) => f.startsWith('jiangsu'))) {
    const text = fs.readFileSync(path.join(corpus, f), 'utf8');
    const d = parseDisclosure(text);
    const r = checkPublished(d, text);
    console.log(f, d.layout, d.fiscalYear, d.tables.map((t) => `${t.id}:${t.title}:${t.rows.length}`).join('\n  '),
      '\nISSUES', d.issues.slice(0, 30).map((i) => `${i.line} ${i.message}`).join('\n  '),
      '\nFINDINGS', r.findings.map((x) => `${x.kind} ${x.ruleId} ${x.published} ${x.computed}`).join('\n  '),
      '\nSKIPPED', r.skipped.map((s) => s.ruleId + ' ' + s.reason).join('\n  '));
  }
});
