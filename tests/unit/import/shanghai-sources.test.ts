import { compareTables } from '../../../src/domain/disclosure/layouts/compare';
import {
  renderShanghai9,
  SHANGHAI_TABLE_IDS,
} from '../../../src/domain/disclosure/layouts/shanghai-9';
import { parseDisclosure } from '../../../src/interchange';
import {
  base,
  bySource,
  factsOf,
  line,
  linesOf,
  plan,
  projectOn,
  ref,
} from '../../support/shanghai-doc';
import { shanghaiText } from '../../support/shanghai-text';

/**
 * Given a Shanghai 9-table document with money in every source — 事业收入, 事业单位经营收入 and 其他收入
 * (单位资金 by kind) in its revenue columns, 政府性基金 and 国有资本经营 spending in tables 6 and 7 —
 * when it is planned for import, then each becomes lines of its own fund source (the distinction
 * kept) and the nine tables rendered from the plan print every figure of the document. The
 * document is made from the Shanghai sample's plan plus such lines, rendered in the layout and
 * written as pdfplumber text (tests/support/shanghai-text.ts).
 */
const unitFunds = [
  line('business-income', '2010601', 'personnel', '30101', '3000000.00'),
  line('business-income', '2010601', 'public', '30201', '456789.00'),
  line('operating-income', '2080501', 'personnel', '30302', '700000.00'),
  line('other-income', '2010601', 'public', '30299', '100000.00'),
  line('other-income', '2010602', 'project', '30299', '800000.00', projectOn('2010602')),
  line('business-income', '2010605', 'project', '30227', '250000.00', projectOn('2010605')),
];
/** 政府性基金 and 国有资本经营 spending (tables 6 and 7; their economic 款 are not printed). */
const otherFiscal = [
  line('government-fund', '2010604', 'project', '30299', '120000.00', projectOn('2010604')),
  line('state-capital', '2080501', 'public', '30201', '64321.00'),
  line('government-fund', '2010601', 'personnel', '30101', '10000.00'),
];

test('the Shanghai sample, written back as text from its own plan, plans the same (the writer is faithful)', () => {
  expect(base.ok).toBe(true);
  const again = plan(shanghaiText(renderShanghai9(factsOf(base), ref)));
  expect(again.problems).toEqual([]);
  expect(bySource(linesOf(again))).toEqual(bySource(linesOf(base)));
});

describe('a document with 单位资金 by kind, 政府性基金 and 国有资本经营', () => {
  const document = renderShanghai9(factsOf(base, [...unitFunds, ...otherFiscal]), ref);
  const text = shanghaiText(document);
  const parsed = parseDisclosure(text);
  const planned = plan(text);

  test('prints the kinds in their own revenue columns', () => {
    const sh01 = document.tables.sh01;
    const revenue = (label: string) => sh01.rows.find((r) => r.cells[0] === label)!.cells[1];
    expect(revenue('二、事业收入')).toBe('3706789');
    expect(revenue('三、事业单位经营收入')).toBe('700000');
    expect(revenue('四、其他收入')).toBe('900000');
    const sh02 = document.tables.sh02;
    const row = sh02.rows.find((r) => r.code === '2010601')!;
    expect(row.cells.slice(4)).toEqual(['88428508', '84871719', '3456789', null, '100000']);
    expect(document.tables.sh06.rows.find((r) => r.key === 'total')!.cells.slice(4)).toEqual([
      '130000',
      '10000',
      '120000',
    ]);
    expect(document.tables.sh07.note).toBeNull();
  });

  test('is planned with nothing refused, and every figure of its nine tables is reproduced', () => {
    expect(planned.problems).toEqual([]);
    expect(planned.ok).toBe(true);
    const rendered = renderShanghai9(factsOf(planned), ref);
    const cmp = compareTables(
      parsed.tables,
      SHANGHAI_TABLE_IDS.map((id) => rendered.tables[id]),
    );
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.printed).toBeGreaterThan(263);
  });

  test('keeps each kind of 单位资金 as its own fund source, to the yuan', () => {
    const sources = bySource(linesOf(planned));
    expect(sources['business-income']).toBe('3706789.00');
    expect(sources['operating-income']).toBe('700000.00');
    expect(sources['other-income']).toBe('900000.00');
    expect(sources['unit-funds']).toBeUndefined();
    expect(sources['government-fund']).toBe('130000.00');
    expect(sources['state-capital']).toBe('64321.00');
    expect(sources['general-public']).toBe(bySource(linesOf(base))['general-public']);
  });

  test('puts 单位资金 project spending on the project of its 项, and records the derivation', () => {
    const project = linesOf(planned).filter(
      (l) => l.line.fundSource === 'other-income' && l.line.kind === 'project',
    );
    expect(
      project.map((l) => [l.line.functionalCode, l.line.projectCode !== null, l.amount]),
    ).toEqual([['2010602', true, '800000.00']]);
    expect(planned.notes.some((n) => n.startsWith('other sources:') && n.includes('derived'))).toBe(
      true,
    );
    expect(
      linesOf(planned)
        .filter((l) => l.line.fundSource === 'government-fund' && l.line.kind === 'project')
        .map((l) => [l.line.functionalCode, l.amount]),
    ).toEqual([['2010604', '120000.00']]);
  });

  test('a document whose table 2 disagrees with tables 3 and 5 is refused, with the line', () => {
    const bad = text.replace(
      /^(201 \| 06 \| 01 \| 行政运行 \| 88,428,508 \| 84,871,719 \| )3,456,789/m,
      '$13,456,780',
    );
    expect(bad).not.toBe(text);
    const refused = plan(bad);
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => p.message).join('\n')).toMatch(/单位资金 of 2010601/);
  });
});
