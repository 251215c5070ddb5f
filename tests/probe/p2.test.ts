import fs from 'node:fs';
import { parseDisclosure } from '../../src/interchange';
test('p', () => {
  const f = process.env.DOC!;
  const d = parseDisclosure(fs.readFileSync(`data/corpus/text/${f}.txt`, 'utf8'));
  for (const t of d.tables.filter((t) => (process.env.IDS ?? 'js01').split(',').includes(t.id)))
    console.log(t.id, t.keys.join(','), '\n' + t.rows.map((r) => `${r.role} ${r.code} ${r.key} ${JSON.stringify(r.cells)}`).join('\n'));
});
