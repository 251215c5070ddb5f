/** The step both layouts end with: the explanation's 政府采购 (万元) recorded in 元. Pure. */
import type { ParsedDisclosure } from '../../interchange';
import type { PlanStep } from './disclosure-plan';
import { fenToYuan, wanToFen } from './money';

/** RecordProcurementBudget on `unitCode`, or none when the document states no procurement. */
export function procurementStep(
  parsed: ParsedDisclosure,
  unitCode: string,
  date: string,
): PlanStep[] {
  const pr = parsed.procurement;
  if (!pr) return [];
  return [
    {
      key: 'procurement',
      unitCode,
      derived: false,
      summary: `RecordProcurementBudget goods ${pr.goods} works ${pr.works} services ${pr.services} (万元)`,
      command: {
        type: 'RecordProcurementBudget',
        data: {
          recordedAt: date,
          goods: fenToYuan(wanToFen(pr.goods)),
          works: fenToYuan(wanToFen(pr.works)),
          services: fenToYuan(wanToFen(pr.services)),
        },
      },
    },
  ];
}
