#!/usr/bin/env python3
"""Independent checker for data/seed/fenyang-2024/lines.json.

Builds the amount cells of the 13 tables of the 2024 disclosure of 汾阳市行政审批服务管理局 from
the budget lines (exact yuan), rounds every cell on its own (sum in yuan / 10000, ROUND_HALF_UP,
2 decimals; an empty sum is an empty cell) and compares them with expected.json, cell by cell,
including empty cells, the set and order of printed rows, the project forms (元) and the few
narrative/overall-form figures that restate table cells.  Prints every mismatch; exit code 1 if any.

It shares no code with derive-lines.py on purpose.  Development tool; the project's own golden test
(TypeScript) is separate.   Usage:  python3 tools/seed/check-lines.py [lines.json] [expected.json]
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINES = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data/seed/fenyang-2024/lines.json"
EXPECTED = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "data/seed/fenyang-2024/expected.json"

# 机关运行经费 scope rule applied to table 11 (see docs/seed-derivation.md):
#   "disclosure-units": 财政拨款 basic 公用经费 (302 + 310) of every unit consolidated in the disclosure,
#                       printed on the disclosing unit's row -- what Fenyang's 2024 tables print;
#   "administrative":   only 行政单位 and 参公事业单位 (the national definition in 第四部分 名词解释).
AGENCY_OPERATING_SCOPE = "disclosure-units"

LINE_KEYS = {"unitCode", "fiscalYear", "fundSource", "functionalCode", "kind", "deptEconCode", "govEconCode",
             "projectCode", "origin", "amount"}
FUND_SOURCES = ("general-public", "government-fund", "state-capital", "special-account", "unit-funds")
FISCAL = ("general-public", "government-fund", "state-capital")
KINDS = ("personnel", "public", "project")
ORIGINS = ("current", "carry-over")

CLASSES = [  # the 30 类 of table 1, in printed order
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"),
    ("205", "教育支出"), ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"),
    ("209", "社会保险基金支出"), ("210", "卫生健康支出"), ("211", "节能环保支出"), ("212", "城乡社区支出"),
    ("213", "农林水支出"), ("214", "交通运输支出"), ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"),
    ("217", "金融支出"), ("219", "援助其他地区支出"), ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"), ("223", "国有资本经营预算支出"), ("224", "灾害防治及应急管理支出"), ("227", "预备费"),
    ("229", "其他支出"), ("230", "转移性支出"), ("231", "债务还本支出"), ("232", "债务付息支出"),
    ("233", "债务发行费用支出"), ("234", "抗疫特别国债安排的支出"),
]
DEPT = {
    "301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "310": "资本性支出",
    "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30106": "伙食补助费", "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
    "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费", "30113": "住房公积金", "30114": "医疗费",
    "30199": "其他工资福利支出", "30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费",
    "30205": "水费", "30206": "电费", "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费",
    "30211": "差旅费", "30212": "因公出国（境）费用", "30213": "维修（护）费", "30214": "租赁费", "30215": "会议费",
    "30216": "培训费", "30217": "公务接待费", "30218": "专用材料费", "30226": "劳务费", "30227": "委托业务费",
    "30228": "工会经费", "30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用",
    "30299": "其他商品和服务支出", "30301": "离休费", "30302": "退休费", "31002": "办公设备购置",
    "31007": "信息网络及软件购置更新", "31013": "公务用车购置",
}
GOV = {
    "50101": "工资奖金津补贴", "50102": "社会保障缴费", "50103": "住房公积金", "50199": "其他工资福利支出",
    "50201": "办公经费", "50202": "会议费", "50203": "培训费", "50204": "专用材料购置费", "50205": "委托业务费",
    "50206": "公务接待费", "50207": "因公出国（境）费用", "50208": "公务用车运行维护费", "50209": "维修（护）费",
    "50299": "其他商品和服务支出", "50404": "设备购置", "50501": "工资福利支出", "50502": "商品和服务支出",
    "50905": "离退休费",
}

mismatches: list[str] = []
compared = 0
margins: list[tuple[Decimal, str]] = []  # distance of each printed cell's exact sum from its rounding edges


class Cell(str):
    """A rounded 万元 figure that remembers its exact sum in yuan."""
    exact: Decimal


def wan(lines) -> str | None:
    """Per-cell rounding: exact yuan sum -> 万元, ROUND_HALF_UP, 2 decimals; no lines -> empty cell."""
    lines = list(lines)
    if not lines:
        return None
    total = sum((Decimal(l["amount"]) for l in lines), Decimal(0))
    cell = Cell((total / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    cell.exact = total
    return cell


def cmp(where: str, printed, computed) -> None:
    global compared
    compared += 1
    if printed is not None and computed is not None and Decimal(printed) == Decimal(computed):
        if isinstance(computed, Cell) and Decimal(printed) != 0:
            centre = Decimal(printed) * 10000
            margins.append((min(computed.exact - (centre - 50), (centre + 50) - computed.exact), where))
        return
    if printed is None and computed is None:
        return
    mismatches.append(f"{where}: printed {printed!r}, computed {computed!r}")


def cmp_zero(where: str, printed, computed) -> None:
    """Narrative / form figures print an empty amount as "0" or "0.00"."""
    cmp(where, printed, computed if computed is not None else "0")


def main() -> int:
    data = json.loads(LINES.read_text(encoding="utf-8"))
    exp = json.loads(EXPECTED.read_text(encoding="utf-8"))
    units = {u["unitCode"]: u for u in data["units"]}
    projects = {p["code"]: p for p in data["projects"]}
    L = data["lines"]

    # ---- line shape -------------------------------------------------------------------------
    for n, l in enumerate(L):
        w = f"line {n}"
        if set(l) != LINE_KEYS:
            mismatches.append(f"{w}: keys {sorted(l)}")
            continue
        ok = (l["unitCode"] in units and l["fiscalYear"] == 2024 and l["fundSource"] in FUND_SOURCES
              and l["kind"] in KINDS and l["origin"] in ORIGINS and re.fullmatch(r"\d{7}", l["functionalCode"])
              and l["deptEconCode"] in DEPT and l["govEconCode"] in GOV
              and isinstance(l["amount"], str) and re.fullmatch(r"\d+(\.\d{1,2})?", l["amount"])
              and Decimal(l["amount"]) > 0)
        if not ok:
            mismatches.append(f"{w}: invalid line {l}")
        if (l["kind"] == "project") != (l["projectCode"] is not None) or (
                l["projectCode"] is not None and l["projectCode"] not in projects):
            mismatches.append(f"{w}: kind/projectCode mismatch")
        if l["kind"] == "personnel" and l["deptEconCode"][:3] not in ("301", "303"):
            mismatches.append(f"{w}: personnel line with {l['deptEconCode']}")
        if l["kind"] == "public" and l["deptEconCode"][:3] not in ("302", "310"):
            mismatches.append(f"{w}: public line with {l['deptEconCode']}")
        kind = units[l["unitCode"]]["kind"] if l["unitCode"] in units else None
        if l["kind"] != "project" and kind == "事业单位" and l["govEconCode"][:3] not in ("505", "506", "509"):
            mismatches.append(f"{w}: 事业单位 basic line with government code {l['govEconCode']}")
        if l["kind"] != "project" and kind in ("行政单位", "参公事业单位") and l["govEconCode"][:3] in ("505", "506"):
            mismatches.append(f"{w}: administrative unit with 505/506 code")

    cur = [l for l in L if l["origin"] == "current"]
    co = [l for l in L if l["origin"] == "carry-over"]
    fis = [l for l in L if l["fundSource"] in FISCAL]
    src = lambda ls, s: [l for l in ls if l["fundSource"] == s]
    under = lambda ls, c: [l for l in ls if l["functionalCode"].startswith(c)]
    basic = lambda ls: [l for l in ls if l["kind"] != "project"]
    proj = lambda ls: [l for l in ls if l["kind"] == "project"]
    strip = lambda s: re.sub(r"^[一二三四五六七八九十]+、", "", s)
    t = exp["tables"]

    # ---- table 1 ----------------------------------------------------------------------------
    t1 = t["t01_revenue_expenditure_summary"]
    for row, s in zip(t1["revenue"], FUND_SOURCES):
        cmp(f"t01 revenue {row['item']}", row["amount"], wan(src(cur, s)))
    assert [strip(r["item"]) for r in t1["expenditure"]] == [n for _, n in CLASSES], "t01 class list"
    for row, (c, _) in zip(t1["expenditure"], CLASSES):
        cmp(f"t01 {row['item']} total", row["total"], wan(under(L, c)))
        cmp(f"t01 {row['item']} currentYear", row["currentYear"], wan(under(cur, c)))
        cmp(f"t01 {row['item']} carriedOver", row["carriedOver"], wan(under(co, c)))
    tt = t1["totals"]
    for key, rev, tot, cy, cov in (("currentYear", cur, L, cur, co), ("carryover", co, [], [], []),
                                   ("grandTotal", L, L, cur, co)):
        cmp(f"t01 {tt[key]['revenueItem']}", tt[key]["revenueAmount"], wan(rev))
        cmp(f"t01 {tt[key]['expenditureItem']} total", tt[key]["total"], wan(tot))
        cmp(f"t01 {tt[key]['expenditureItem']} currentYear", tt[key]["currentYear"], wan(cy))
        cmp(f"t01 {tt[key]['expenditureItem']} carriedOver", tt[key]["carriedOver"], wan(cov))

    # ---- tables 2, 3, 5: functional rows --------------------------------------------------------
    def functional_rows(ls):
        codes = set()
        for l in ls:
            f = l["functionalCode"]
            codes.update((f[:3], f[:5], f))
        return sorted(codes)

    t2 = t["t02_revenue"]
    rows = functional_rows(L)
    if [r["code"] for r in t2["rows"]] != rows:
        mismatches.append(f"t02 rows: printed {[r['code'] for r in t2['rows']]}, computed {rows}")
    cols2 = {"generalPublicBudget": "general-public", "governmentFund": "government-fund",
             "stateCapital": "state-capital", "fiscalSpecialAccount": "special-account", "unitFunds": "unit-funds"}
    for r in t2["rows"] + [dict(t2["total"], code="")]:
        name = r["code"] or "合计"
        ls = under(L, r["code"])
        cmp(f"t02 {name} total", r["total"], wan(ls))
        for col, s in cols2.items():
            cmp(f"t02 {name} {col}", r[col], wan(src([l for l in ls if l["origin"] == "current"], s)))
        cmp(f"t02 {name} carriedOver", r["carriedOver"], wan([l for l in ls if l["origin"] == "carry-over"]))

    for key, scope in (("t03_expenditure", L),
                       ("t05_general_public_budget_expenditure", src(cur, "general-public"))):
        tab = t[key]
        rows = functional_rows(scope)
        if [r["code"] for r in tab["rows"]] != rows:
            mismatches.append(f"{key} rows: printed {[r['code'] for r in tab['rows']]}, computed {rows}")
        for r in tab["rows"] + [dict(tab["total"], code="")]:
            name = r["code"] or "合计"
            ls = under(scope, r["code"])
            cmp(f"{key[:3]} {name} total", r["total"], wan(ls))
            cmp(f"{key[:3]} {name} basic", r["basic"], wan(basic(ls)))
            cmp(f"{key[:3]} {name} project", r["project"], wan(proj(ls)))

    # ---- table 4 ----------------------------------------------------------------------------
    t4 = t["t04_fiscal_appropriation_summary"]
    for row, s in zip(t4["revenue"], FISCAL):
        cmp(f"t04 revenue {row['item']}", row["amount"], wan(src(cur, s)))
    for row, (c, _) in zip(t4["expenditure"], CLASSES):
        assert strip(row["item"]) == _
        cmp(f"t04 {row['item']} subtotal", row["subtotal"], wan(under(fis, c)))
        for col, s in (("generalPublicBudget", "general-public"), ("governmentFund", "government-fund"),
                       ("stateCapital", "state-capital")):
            cmp(f"t04 {row['item']} {col}", row[col], wan(src(under(L, c), s)))
    tt = t4["totals"]
    fis_cur = [l for l in fis if l["origin"] == "current"]
    fis_co = [l for l in fis if l["origin"] == "carry-over"]
    for key, rev, exp_ls in (("currentYear", fis_cur, fis), ("carryover", fis_co, []), ("grandTotal", fis, fis)):
        r = tt[key]
        cmp(f"t04 {r['revenueItem']}", r["revenueAmount"], wan(rev))
        cmp(f"t04 {r['expenditureItem']} subtotal", r["subtotal"], wan(exp_ls))
        for col, s in (("generalPublicBudget", "general-public"), ("governmentFund", "government-fund"),
                       ("stateCapital", "state-capital")):
            cmp(f"t04 {r['expenditureItem']} {col}", r[col], wan(src(exp_ls, s)))
    for row, s in zip(tt["priorYearCarryoverBreakdown"], FISCAL):
        cmp(f"t04 上年结转 {row['item']}", row["amount"], wan(src(fis_co, s)))

    # ---- table 6 ----------------------------------------------------------------------------
    t6 = t["t06_basic_expenditure_by_economic_class"]
    b6 = basic(src(cur, "general-public"))
    pairs = sorted({(l["deptEconCode"], l["govEconCode"]) for l in b6})
    computed_rows = []
    for grp in sorted({d[:3] for d, _ in pairs}):
        computed_rows.append((DEPT[grp], None, [l for l in b6 if l["deptEconCode"][:3] == grp]))
        for d, g in pairs:
            if d[:3] == grp:
                computed_rows.append((DEPT[d], GOV[g], [l for l in b6 if (l["deptEconCode"], l["govEconCode"]) == (d, g)]))
    printed_keys = [(r["departmentEconomicClass"], r["governmentEconomicClass"]) for r in t6["rows"]]
    computed_keys = [(d, g) for d, g, _ in computed_rows]
    if printed_keys != computed_keys:
        mismatches.append(f"t06 rows differ:\n  printed  {printed_keys}\n  computed {computed_keys}")
    for r, (d, g, ls) in zip(t6["rows"], computed_rows):
        w = f"t06 {r['departmentEconomicClass']}/{r['governmentEconomicClass']}"
        cmp(f"{w} total", r["total"], wan(ls))
        cmp(f"{w} personnel", r["personnel"], wan([l for l in ls if l["kind"] == "personnel"]))
        cmp(f"{w} public", r["public"], wan([l for l in ls if l["kind"] == "public"]))
    cmp("t06 合计 total", t6["total"]["total"], wan(b6))
    cmp("t06 合计 personnel", t6["total"]["personnel"], wan([l for l in b6 if l["kind"] == "personnel"]))
    cmp("t06 合计 public", t6["total"]["public"], wan([l for l in b6 if l["kind"] == "public"]))

    # ---- tables 7, 8, 9, 13: empty ------------------------------------------------------------
    gf = src(L, "government-fund")
    sc = src(L, "state-capital")
    for key, ls in (("t07_government_fund_revenue", gf), ("t08_government_fund_expenditure", gf),
                    ("t09_state_capital", sc)):
        if t[key]["rows"] or ls:
            mismatches.append(f"{key}: printed rows {len(t[key]['rows'])}, computed lines {len(ls)}")
        for col, v in t[key]["total"].items():
            if col != "name":
                cmp(f"{key[:3]} 合计 {col}", v, wan(ls))
    carried_projects = proj(co)
    if t["t13_project_expenditure_carried_over"]["rows"] or carried_projects:
        mismatches.append(f"t13: printed rows {len(t['t13_project_expenditure_carried_over']['rows'])}, "
                          f"computed carried-over project lines {len(carried_projects)}")

    # ---- table 10: 三公 (basic and project money from 财政拨款) ----------------------------------
    t10 = t["t10_three_public_expenses"]
    codes = {"因公出国（境）费": ["30212"], "公务接待费": ["30217"], "公务用车购置及运行费": ["31013", "30231"],
             "①公务用车购置费": ["31013"], "②公务用车运行维护费": ["30231"],
             "合计": ["30212", "30217", "31013", "30231"]}
    for r in t10["rows"] + [t10["total"]]:
        ls = [l for l in fis if l["deptEconCode"] in codes[r["item"]]]
        cmp(f"t10 {r['item']} total", r["total"], wan(ls))
        for col, s in (("generalPublicBudget", "general-public"), ("governmentFund", "government-fund"),
                       ("stateCapital", "state-capital")):
            cmp(f"t10 {r['item']} {col}", r[col], wan(src(ls, s)))

    # ---- table 11: 机关运行经费 -------------------------------------------------------------------
    t11 = t["t11_agency_operating_expenses"]
    top = [u for u in data["units"] if u.get("parentUnitCode") is None]
    admin = {c for c, u in units.items() if u["kind"] in ("行政单位", "参公事业单位")}
    public_fis = [l for l in fis if l["kind"] == "public"]
    if AGENCY_OPERATING_SCOPE == "disclosure-units":
        in_scope = public_fis
        rows11 = [(top[0]["name"], in_scope)]
    else:
        in_scope = [l for l in public_fis if l["unitCode"] in admin]
        rows11 = [(units[c]["name"], [l for l in in_scope if l["unitCode"] == c]) for c in sorted(admin)]
    if [r["unitName"] for r in t11["rows"]] != [n for n, _ in rows11]:
        mismatches.append(f"t11 rows: printed {[r['unitName'] for r in t11['rows']]}, computed {[n for n, _ in rows11]}")
    for r, (_, ls) in zip(t11["rows"] + [t11["total"]], rows11 + [("部门合计", in_scope)]):
        cmp(f"t11 {r['unitName']} total", r["total"], wan(ls))
        for col, s in (("generalPublicBudget", "general-public"), ("governmentFund", "government-fund"),
                       ("stateCapital", "state-capital")):
            cmp(f"t11 {r['unitName']} {col}", r[col], wan(src(ls, s)))
    other = wan([l for l in public_fis if l["unitCode"] in admin])
    print(f"info: 机关运行经费 with scope '{AGENCY_OPERATING_SCOPE}' = {wan(in_scope)}; "
          f"行政/参公 units only would give {other}")

    # ---- table 12: current projects, per unit then per project ---------------------------------
    t12 = t["t12_project_expenditure_current"]
    pc = proj(cur)
    computed12 = []
    for code in sorted({l["unitCode"] for l in pc}):
        computed12.append((units[code]["name"], [l for l in pc if l["unitCode"] == code]))
        for p in data["projects"]:
            if p["unitCode"] == code:
                computed12.append((p["name"], [l for l in pc if l["projectCode"] == p["code"]]))
    if [r["project"] for r in t12["rows"]] != [n for n, _ in computed12]:
        mismatches.append(f"t12 rows: printed {[r['project'] for r in t12['rows']]}, computed {[n for n, _ in computed12]}")
    for r, (_, ls) in zip(t12["rows"], computed12):
        cmp(f"t12 {r['project']} total", r["total"], wan(ls))
        for col, s in cols2.items():
            cmp(f"t12 {r['project']} {col}", r[col], wan(src(ls, s)))

    # ---- project forms (元, exact) ---------------------------------------------------------------
    forms = {f["t12Project"]: f for f in exp["performanceTargets"]["projects"]}
    for p in data["projects"]:
        f = forms.get(p["name"])
        amount = sum((Decimal(l["amount"]) for l in L if l["projectCode"] == p["code"]), Decimal(0))
        if f is None:
            mismatches.append(f"project {p['code']}: no performance form named {p['name']}")
            continue
        for what, v in (("project amount", Decimal(p["amount"])), ("sum of its lines", amount)):
            global compared
            compared += 1
            if v != Decimal(f["annualFunds"]["total"]):
                mismatches.append(f"project {p['code']} {what} {v} != form {f['annualFunds']['total']} 元")
    if len(forms) != len(data["projects"]):
        mismatches.append(f"{len(forms)} forms, {len(data['projects'])} projects")

    # ---- figures restated in the overall form and the narrative ---------------------------------
    ov = exp["performanceTargets"]["overall"]["annualBudget"]
    by_dir = {r["item"]: r["amount"] for r in ov["byDirection"]}
    cmp("overall form 合计", by_dir["合计"], wan(L))
    cmp("overall form 基本支出", by_dir["其中:基本支出"], wan(basic(L)))
    cmp("overall form 项目支出", by_dir["项目支出"], wan(proj(L)))
    for r, ls in zip(ov["bySource"], [L, src(L, "general-public"), gf, sc, [], src(L, "special-account"),
                                       src(L, "unit-funds")]):
        cmp_zero(f"overall form {r['item']}", r["amount"], wan(ls))
    n = exp["narrative"]
    cmp("narrative 三 total", n["expenditure"]["total"], wan(L))
    cmp("narrative 三 basic", n["expenditure"]["basic"], wan(basic(L)))
    cmp("narrative 三 project", n["expenditure"]["project"], wan(proj(L)))
    be = n["basicExpenditure"]
    cmp("narrative 六 total", be["total"], wan(b6))
    cmp("narrative 六 personnel", be["personnel"]["amount"], wan([l for l in b6 if l["kind"] == "personnel"]))
    cmp("narrative 六 public", be["public"]["amount"], wan([l for l in b6 if l["kind"] == "public"]))
    for k in ("personnel", "public"):
        names = {DEPT[l["deptEconCode"]] for l in b6 if l["kind"] == k}
        if names != set(be[k]["items"]):
            mismatches.append(f"narrative 六 {k} items: printed {sorted(be[k]['items'])}, computed {sorted(names)}")
    tp = n["threePublicExpenses"]
    cmp("narrative 七 total", tp["total"], wan([l for l in fis if l["deptEconCode"] in codes["合计"]]))
    item_codes = {"因公出国(境)费": ["30212"], "公务接待费": ["30217"], "公务用车运行维护费": ["30231"],
                  "公务用车购置费": ["31013"]}
    for it in tp["items"]:
        cmp_zero(f"narrative 七 {it['item']}", it["amount"],
                 wan([l for l in fis if l["deptEconCode"] in item_codes[it["item"]]]))
    for it in n["generalPublicBudget"]["structure"]["items"]:
        c = next(c for c, nm in CLASSES if nm == it["item"])
        cmp(f"narrative 五 {it['item']}", it["amount"], wan(under(src(cur, "general-public"), c)))

    # ---- report -----------------------------------------------------------------------------------
    by_unit = defaultdict(Decimal)
    for l in L:
        by_unit[(l["unitCode"], l["kind"])] += Decimal(l["amount"])
    print(f"{len(L)} lines; " + "; ".join(f"{u}/{k} {v} 元" for (u, k), v in sorted(by_unit.items())))
    if margins:
        print("closest approaches to a rounding edge (元 inside the interval):")
        seen = set()
        for m, where in sorted(margins):
            if m not in seen and len(seen) < 5:
                seen.add(m)
                print(f"  {m:>7} {where}")
    print(f"{compared} cells compared, {len(mismatches)} mismatches")
    for m in mismatches:
        print("MISMATCH", m)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
