/** The GraphQL documents the workbench sends (all of them public API; see docs/api-*.md). */

export const DISCLOSURE_FIELDS = `
  fiscalYear published department { code name } asOf { position recordedAt effectiveOn }
  tables { id label title unitName moneyUnit note headerRows columns { key kind }
    rows { role level code key cells { column value } } }
  explanation {
    changes { text } revenue { text } expenditure { text } fiscalAppropriation { text }
    generalPublicBudget { scaleText structureText } basicExpenditure { text }
    threePublicExpenses { text } agencyOperatingExpenses { text } governmentProcurement { text }
    performanceManagement { text overallTarget { text } }
    assets { vehiclesText officeSpaceText equipmentText } }
  performanceForms {
    unit { unitName budget { total basic project }
      form { goal indicators { level1 level2 level3 value } } }
    projects { projectCode projectName unitName fundsYuan
      form { goal indicators { level1 level2 level3 value } } } }`;

export const PUBLISHED = `{ publishedDisclosures { departmentCode departmentName fiscalYear
  position publishedAt digest units { code name } } }`;

export const PUBLISHED_DISCLOSURE = `query Published($d: String!, $y: Int!) {
  disclosure(departmentCode: $d, fiscalYear: $y) { ${DISCLOSURE_FIELDS} } }`;

export interface Cell {
  column: string;
  value: string | null;
}
export interface Row {
  role: string;
  level: number | null;
  code: string | null;
  key: string | null;
  cells: Cell[];
}
export interface Table {
  id: string;
  label: string | null;
  title: string;
  unitName: string;
  moneyUnit: string;
  note: string | null;
  headerRows: string[][];
  columns: { key: string; kind: string }[];
  rows: Row[];
}
interface Indicator {
  level1: string;
  level2: string | null;
  level3: string | null;
  value: string | null;
}
export interface Form {
  goal: string | null;
  indicators: Indicator[];
}
export interface DisclosureData {
  fiscalYear: number;
  published: boolean;
  department: { code: string; name: string };
  asOf: { position: string | null; recordedAt: string | null; effectiveOn: string | null };
  tables: Table[];
  explanation: {
    changes: { text: string };
    revenue: { text: string };
    expenditure: { text: string };
    fiscalAppropriation: { text: string };
    generalPublicBudget: { scaleText: string; structureText: string };
    basicExpenditure: { text: string };
    threePublicExpenses: { text: string };
    agencyOperatingExpenses: { text: string };
    governmentProcurement: { text: string } | null;
    performanceManagement: { text: string; overallTarget: { text: string } | null };
    assets: { vehiclesText: string; officeSpaceText: string; equipmentText: string } | null;
  };
  performanceForms: {
    unit: {
      unitName: string;
      budget: { total: string; basic: string; project: string };
      form: Form;
    } | null;
    projects: {
      projectCode: string;
      projectName: string;
      unitName: string;
      fundsYuan: string;
      form: Form;
    }[];
  };
}

/** One step of an adjustment's history (submitted, approved, rejected), as the API lists it. */
export interface AdjustmentHistoryEntry {
  action: string;
  at: string;
  by: string;
  actor: string | null;
  reason: string | null;
}

export interface PublishedItem {
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  position: string;
  publishedAt: string | null;
  digest: string;
  units: { code: string; name: string }[];
}
