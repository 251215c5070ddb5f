/**
 * Bad inputs for any field of a GraphQL schema, generated from its types (as introspected from a
 * running server): a mutation or a query added later is fuzzed without a line changed here.
 *
 * A value tree is built the way a client would fill it in (plausible values for the seed ledger,
 * chosen by type and, where a name says what a string holds, by name), some fields replaced by
 * awkward but maybe legal values (huge strings, "-0", emoji, edge dates), then at least one site
 * of the tree gets a POISON: a value every layer must refuse (NUL or a lone surrogate, an amount
 * beyond Money.MAX_YUAN, an impossible date, a position beyond 2^63−1, an unknown enum value,
 * a required field missing, a wrong type, a null where none may be, nested junk). So a mutation
 * sent with it must change nothing, whatever the role of the caller.
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';

/** Draws values; fast-check's `fc.gen()` (so a failure shrinks and replays from its seed). */
export type Draw = fc.GeneratorValue;

/** An enum value: printed bare in a query literal, as a string in variables. */
export class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** Where a value sits in the tree, its type, and how to replace it. */
interface Site {
  path: string;
  name: string;
  type: GraphQLInputType;
  replace(value: unknown): void;
}

const SEED_LINE = '019001|2024|general-public|2010301|public|30201|50201|-|current';

/** Plausible strings by what the field's name says it holds (the seed's codes). */
const BY_NAME: [RegExp, string[]][] = [
  [/^unitCode$|^unitCodes$|^code$/, ['019001', '019001', '019001', '019002', '020001', 'ZZ999']],
  [/departmentCode/, ['019', '020', '999']],
  [/^lineId$/, [SEED_LINE, '019001|2024|x|-|-|-|-|-|current']],
  [/fundSource/, ['general-public', 'unit-funds', 'business-income', 'nope']],
  [/^functionalCode/, ['2010301', '20103', '201', '2010306']],
  [/^deptEconCode/, ['30201', '302', '30227']],
  [/^govEconCode$/, ['50201', '50205']],
  [/^kind$/, ['public', 'personnel', 'project', 'administrative']],
  [/^origin$/, ['current', 'carry-over']],
  [/^projectCode$/, ['P05', 'P99']],
  [/^formId$/, ['unit', 'project:P05', 'project:']],
  [/^adjustmentId$/, ['ADJ-2024-001', 'ADJ-none']],
  [/^table$/, ['t01', 't05', 't13', 't99']],
  [/^row$/, ['total', 'grandTotal', 'P05', '30201/50201', '2010301']],
  [/^column$/, ['total', 'basic', 'project', 'generalPublicBudget']],
  [/^(after|before)$/, ['MQ==', 'bGluZQ==', '0', SEED_LINE]],
  [/^expect$/, ['0'.repeat(64), 'zz']],
  [/^level1$/, ['产出指标', '效益指标']],
  [/^(category)$/, ['specific-goal', 'other-operating']],
  [/^attribute$/, ['one-off', 'recurring']],
  [/^(types)$/, ['AdjustmentSubmitted', 'BudgetAllocated']],
  [/^streamId$/, ['budget-019001-2024', 'unit-019001']],
  [/^layout$/, ['fenyang', 'shanghai']],
];

/** A business date: plausible and extreme valid ones. */
const DATES = ['2024-06-01', '2024-02-29', '1900-01-01', '2999-12-31'];
const isDateName = (name: string) => /(At|Date|On)$|^asOf$|^recorded(From|To)$/.test(name);

/** Awkward but possibly legal text. */
const ODD_TEXT = [
  '',
  ' ',
  '-0',
  '😀',
  '\u202eRTL',
  'x'.repeat(20_000),
  '汾'.repeat(5_000),
  "'; DROP TABLE events; --",
  '%s%n',
  '\\u0000',
];

/** Values every layer must refuse, by the type of the site. */
const BAD_TEXT = ['a\u0000b', '\u0000', '019001\ud800', '\udc00', 'x\udbff', '\udfff\ud800'];
const BAD_DATES = [
  '2024-02-30',
  '0000-01-01',
  '2023-02-29',
  '2024-13-01',
  '1899-12-31',
  '3000-01-01',
  '2024-1-1',
  '2024-06-01T25:00:00Z',
  '20240601',
  '2024-06-01 junk',
  '9999999-01-01',
];
const BAD_AMOUNTS = [
  '1000000000000000000',
  '1000000000000000000.00',
  '-1000000000000000000',
  '100000000000000.00',
  '999999999999999999999999999999999999.99',
];
const BAD_DECIMAL_SYNTAX: unknown[] = ['1e18', '1e5', '1.001', '0x10', ' 1', '', 'NaN', 1.5, 1e18];
const BAD_POSITIONS: unknown[] = [
  '9223372036854775808',
  '9999999999999999999',
  '18446744073709551616',
  '-1',
  '1.5',
  '1e3',
  '',
  -1,
  1e20,
  'abc',
];
const BAD_INTS: unknown[] = [2 ** 31, -(2 ** 31) - 1, 1.5, '2024', 1e300, true];

function deepJunk(depth: number): unknown {
  let v: unknown = { a: 1 };
  for (let i = 0; i < depth; i++) v = i % 2 ? { nested: v } : [v];
  return v;
}

export class InputFuzzer {
  private sites: Site[] = [];
  /** How often a field gets awkward text: none at all in half the inputs, so most reach the rules. */
  private readonly oddness: number;

  constructor(private readonly draw: Draw) {
    this.oddness = this.pick([0, 0, 0.03, 0.15]);
  }

  private pick<T>(values: readonly T[]): T {
    return this.draw((xs: readonly T[]) => fcConstantFrom(xs), values);
  }

  private chance(p: number): boolean {
    return this.draw(fcPermille) < p * 1000;
  }

  /** Arguments of a field, with at least one poisoned site when `poison`. */
  args(field: GraphQLField<unknown, unknown>, poison: boolean): Record<string, unknown> {
    this.sites = [];
    const out: Record<string, unknown> = {};
    for (const arg of field.args) this.fillArg(out, arg);
    if (poison) this.poisonSomeSites(out, field.args);
    return out;
  }

  private fillArg(out: Record<string, unknown>, arg: GraphQLArgument): void {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && !this.chance(0.5)) return;
    this.fill(out, arg.name, arg.name, arg.type, arg.name);
  }

  private fill(
    container: Record<string, unknown> | unknown[],
    key: string | number,
    name: string,
    type: GraphQLInputType,
    path: string,
  ): void {
    const set = (v: unknown) => {
      (container as Record<string | number, unknown>)[key] = v;
    };
    this.sites.push({
      path,
      name,
      type,
      replace: set,
    });
    set(this.plausible(name, type, path));
  }

  private plausible(name: string, type: GraphQLInputType, path: string): unknown {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const list: unknown[] = [];
      const n = this.pick([0, 1, 1, 2, 3]);
      for (let i = 0; i < n; i++) this.fill(list, i, name, inner.ofType, `${path}[${i}]`);
      return list;
    }
    if (isInputObjectType(inner)) {
      const obj: Record<string, unknown> = {};
      if ('lineId' in inner.getFields() && this.chance(0.6)) {
        // A line named by its id alone, as clients mostly do: the other fields would contradict it.
        this.fill(obj, 'lineId', 'lineId', inner.getFields().lineId!.type, `${path}.lineId`);
        return obj;
      }
      for (const f of Object.values(inner.getFields())) {
        const required = isNonNullType(f.type) && f.defaultValue === undefined;
        // An expected version is mostly left out, or every input would stop at the version check.
        const p = getNamedType(f.type).name === 'Position' ? 0.2 : 0.5;
        if (!required && !this.chance(p)) continue;
        this.fill(obj, f.name, f.name, f.type, `${path}.${f.name}`);
      }
      return obj;
    }
    if (isEnumType(inner)) return new EnumValue(this.pick(inner.getValues().map((v) => v.name)));
    if (isScalarType(inner)) return this.scalar(name, inner.name);
    return null;
  }

  private scalar(name: string, scalar: string): unknown {
    switch (scalar) {
      case 'Int':
        if (/fiscalYear|^year$/.test(name))
          return this.pick([2024, 2024, 2024, 2024, 2023, 2025, 1899, 3000]);
        return this.pick([0, 1, 5, 100, -1, 2 ** 31 - 1]);
      case 'Float':
        return this.pick([0, 1.5, -1e308]);
      case 'Boolean':
        return this.pick([true, false]);
      case 'Decimal':
        return this.pick(['1.00', '0', '-0', '-1.00', '0.01', '99999999999999.99', '12345.6']);
      case 'Position':
        return this.pick(['0', '1', '5', '999999', '9223372036854775807']);
      case 'DateTimeISO':
        return this.pick(['2024-06-01T00:00:00Z', '2999-12-31T23:59:59.999Z', '1970-01-01T00:00Z']);
      case 'JSONObject':
        return { a: this.pick([1, 'x', null]) };
      default:
        break;
    }
    if (this.chance(this.oddness)) return this.pick(ODD_TEXT);
    if (isDateName(name)) return this.pick(DATES);
    const byName = BY_NAME.find(([re]) => re.test(name));
    return this.pick(byName ? byName[1] : ['x', '汾阳市测试', '2024', '019001']);
  }

  /** One to three sites get a poison; the sites may be nested in one another. */
  private poisonSomeSites(out: Record<string, unknown>, args: readonly GraphQLArgument[]): void {
    const n = this.pick([1, 1, 1, 2, 3]);
    for (let i = 0; i < n; i++) {
      if (this.sites.length === 0) {
        // A field whose arguments were all left out: an argument it does not have.
        out[`no_such_arg_${args.length}`] = 'x';
        continue;
      }
      // Mostly a leaf, where the values a scalar parser lets through (dates, amounts,
      // positions) must be refused by the layers behind it.
      const leaves = this.sites.filter((x) => isLeafType(getNamedType(x.type)));
      const semantic = leaves.filter(
        (x) =>
          ['Decimal', 'Position', 'DateTimeISO'].includes(getNamedType(x.type).name) ||
          isDateName(x.name),
      );
      const site = this.pick(
        semantic.length && this.chance(0.5)
          ? semantic
          : leaves.length && this.chance(0.75)
            ? leaves
            : this.sites,
      );
      site.replace(this.poison(site));
    }
  }

  private poison(site: Site): unknown {
    const { type, name } = site;
    const inner = isNonNullType(type) ? type.ofType : type;
    const generic: unknown[] = [{ junk: deepJunk(this.pick([1, 30])) }, [[['deep']]]];
    if (isNonNullType(type)) generic.push(null);
    if (isListType(inner)) {
      const item = inner.ofType;
      const bad: unknown[] = [{ not: 'a list' }, [deepJunk(3)]];
      if (isNonNullType(item)) bad.push([null]);
      return this.pick([...bad, ...generic]);
    }
    if (isInputObjectType(inner)) {
      const fields = Object.values(inner.getFields());
      const requiredFields = fields.filter(
        (f) => isNonNullType(f.type) && f.defaultValue === undefined,
      );
      const bad: unknown[] = ['a string', 42, { no_such_field: deepJunk(this.pick([1, 40])) }];
      if (requiredFields.length && this.chance(0.4)) {
        // The object as a client would fill it, less one field it must have.
        const obj = this.plausible(name, inner, site.path) as Record<string, unknown>;
        delete obj[this.pick(requiredFields).name];
        return obj;
      }
      return this.pick([...bad, ...generic]);
    }
    if (isEnumType(inner)) {
      const first = inner.getValues()[0]!.name;
      return this.pick([
        new EnumValue('NOT_A_VALUE'),
        first.toLowerCase() === first ? 'x' : first.toLowerCase(),
        1,
        ...generic,
      ]);
    }
    if (isScalarType(inner)) {
      switch (inner.name) {
        case 'Int':
          return this.pick([...BAD_INTS, ...generic]);
        case 'Boolean':
          return this.pick(['true', 1, ...generic]);
        case 'Decimal':
          if (this.chance(0.7)) return this.pick(BAD_AMOUNTS);
          return this.pick([...BAD_DECIMAL_SYNTAX, ...generic]);
        case 'Position':
          if (this.chance(0.6)) return this.pick(BAD_POSITIONS.slice(0, 3));
          return this.pick([...BAD_POSITIONS, ...generic]);
        case 'DateTimeISO':
          return this.pick(['2024-02-30T00:00:00Z', 'yesterday', 1e20, ...BAD_TEXT, ...generic]);
        case 'JSONObject':
          return this.pick(['x', [1], ...generic]);
        case 'String':
        case 'ID':
          if (isDateName(name))
            return this.chance(0.8) ? this.pick(BAD_DATES) : this.pick([...BAD_TEXT, ...generic]);
          return this.pick([...BAD_TEXT, ...BAD_TEXT, 42, { o: 1 }, ...generic]);
        default:
          return this.pick([...BAD_TEXT, ...generic]);
      }
    }
    return this.pick(generic);
  }
}

/** A selection of leaf fields, two levels deep, skipping fields with required arguments. */
export function selectionOf(type: GraphQLOutputType, depth = 2): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const fieldType = getNamedType(f.type);
    if (isLeafType(fieldType)) parts.push(f.name);
    else if (depth > 1) parts.push(`${f.name} ${selectionOf(f.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** A JS value as a GraphQL literal (for requests that inline their arguments). */
export function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value) ?? 'null';
}

/** A type as written in a variable definition. */
export function typeName(type: GraphQLInputType): string {
  return String(type);
}

// Unbiased: fast-check's default bias towards the first value and small numbers would make every
// "rare" choice here frequent.
const fcConstantFrom = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.noBias(fc.constantFrom(...xs));
const fcPermille = (): fc.Arbitrary<number> => fc.noBias(fc.integer({ min: 0, max: 999 }));
