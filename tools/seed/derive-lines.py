#!/usr/bin/env python3
"""Derive the exact-yuan budget lines of the seed disclosure (汾阳市行政审批服务管理局, 2024).

Every 万元 figure of the 13 published tables is a per-cell rounding (ROUND_HALF_UP, 2 decimals)
of an exact sum of budget lines in yuan (integer fen).  This script

  1. fixes the *structure* of the lines (unit, functional code, kind, department and government
     economic code) -- one basic line per printed row of table 6, one project line per project;
  2. takes the project amounts exactly from the performance-target forms (元);
  3. turns every printed, non-empty amount cell of tables 1-13 into an interval constraint
     sum(cells' lines) in [printed - 0.005万元, printed + 0.005万元) on integer fen;
  4. solves for the basic-line amounts with a small hand-rolled constraint solver (lines in the
     same constraints merged into atoms; bounds propagation + depth-first search over the atom
     sums, whole yuan before fen, with a safety margin inside every rounding interval), spreads
     each atom's sum over its lines, and writes data/seed/fenyang-2024/lines.json.

Usage:  python3 tools/seed/derive-lines.py [--check-only]
No third-party packages; deterministic output.  See docs/seed-derivation.md.
"""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "seed" / "fenyang-2024"
EXPECTED = SEED / "expected.json"
OUT = SEED / "lines.json"

YEAR = 2024
FEN_PER_WAN = 1_000_000  # 1 万元 = 10,000 元 = 1,000,000 fen
HALF = 5_000  # 0.005 万元 in fen
# Safety margins tried, largest first (fen): keep every printed cell's exact sum this far inside its
# rounding interval.  10 yuan is found at once on the whole-yuan grid; the bound is 16.65 yuan.
MARGINS = (1000, 500, 0)

# --------------------------------------------------------------------------------------------
# Units (codes 019001/019002 are ours; the document prints only the department code 019)
# --------------------------------------------------------------------------------------------
UNITS = [
    {"unitCode": "019001", "name": "汾阳市行政审批服务管理局", "kind": "行政单位", "parentUnitCode": None,
     "departmentCode": "019", "staff": 12},
    {"unitCode": "019002", "name": "数字政府服务中心", "kind": "事业单位", "parentUnitCode": "019001",
     "departmentCode": "019", "staff": 6},
]
UNIT_KIND = {u["unitCode"]: u["kind"] for u in UNITS}

# Department -> government economic code by unit kind, for the codes the seed uses
# (subset of the reference mapping; 行政/参公 column, 事业 column).
DEPT_TO_GOV = {
    "30101": ("50101", "50501"), "30102": ("50101", "50501"), "30103": ("50101", "50501"),
    "30107": ("50101", "50501"), "30108": ("50102", "50501"), "30109": ("50102", "50501"),
    "30110": ("50102", "50501"), "30111": ("50102", "50501"), "30112": ("50102", "50501"),
    "30113": ("50103", "50501"), "30199": ("50199", "50501"),
    "30201": ("50201", "50502"), "30204": ("50201", "50502"), "30207": ("50201", "50502"),
    "30211": ("50201", "50502"), "30214": ("50201", "50502"), "30216": ("50203", "50502"),
    "30226": ("50205", "50502"), "30227": ("50205", "50502"), "30228": ("50201", "50502"),
    "30229": ("50201", "50502"), "30231": ("50208", "50502"), "30239": ("50201", "50502"),
    "30299": ("50299", "50502"),
    "30302": ("50905", "50905"),
    "31002": ("50404", "50602"), "31007": ("50404", "50602"),
}

# Names as printed in table 6 (department / government economic classification).
DEPT_NAME = {
    "301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "310": "资本性支出",
    "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
    "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费", "30113": "住房公积金",
    "30199": "其他工资福利支出", "30201": "办公费", "30204": "手续费", "30207": "邮电费",
    "30211": "差旅费", "30216": "培训费", "30228": "工会经费", "30229": "福利费",
    "30231": "公务用车运行维护费", "30239": "其他交通费用", "30299": "其他商品和服务支出",
    "30302": "退休费",
}
GOV_NAME = {
    "50101": "工资奖金津补贴", "50102": "社会保障缴费", "50103": "住房公积金", "50199": "其他工资福利支出",
    "50201": "办公经费", "50203": "培训费", "50208": "公务用车运行维护费", "50299": "其他商品和服务支出",
    "50501": "工资福利支出", "50502": "商品和服务支出", "50905": "离退休费",
}

# --------------------------------------------------------------------------------------------
# Structure of the basic lines: one line per printed row of table 6.
# (unitCode, functionalCode, deptEconCode, govEconCode).  Which unit and functional code each row
# belongs to is read from the figures -- see docs/seed-derivation.md.
# --------------------------------------------------------------------------------------------
BASIC = [
    # 301 工资福利支出
    ("019001", "2010301", "30101", "50101"),  # 基本工资 / 工资奖金津补贴            47.54
    ("019002", "2010350", "30101", "50501"),  # 基本工资 / 工资福利支出              24.16
    ("019001", "2010301", "30102", "50101"),  # 津贴补贴 / 工资奖金津补贴            32.58
    ("019002", "2010350", "30102", "50501"),  # 津贴补贴 / 工资福利支出               2.93
    ("019001", "2010301", "30103", "50101"),  # 奖金 / 工资奖金津补贴                 9.28
    ("019002", "2010350", "30107", "50501"),  # 绩效工资 / 工资福利支出              17.98
    ("019001", "2080505", "30108", "50102"),  # 基本养老保险缴费 / 社会保障缴费      13.37
    ("019002", "2080505", "30108", "50501"),  # 基本养老保险缴费 / 工资福利支出       6.76
    ("019001", "2080506", "30109", "50102"),  # 职业年金缴费 / 社会保障缴费           6.69
    ("019002", "2080506", "30109", "50501"),  # 职业年金缴费 / 工资福利支出           3.38
    ("019001", "2101101", "30110", "50102"),  # 职工基本医疗保险缴费 / 社会保障缴费   5.43
    ("019002", "2101102", "30110", "50501"),  # 职工基本医疗保险缴费 / 工资福利支出   2.75
    ("019001", "2101103", "30111", "50102"),  # 公务员医疗补助缴费 / 社会保障缴费     2.51
    ("019001", "2010301", "30112", "50102"),  # 其他社会保障缴费 / 社会保障缴费       0.17
    ("019002", "2010350", "30112", "50501"),  # 其他社会保障缴费 / 工资福利支出       2.10
    ("019001", "2210201", "30113", "50103"),  # 住房公积金 / 住房公积金 (FREE: all on 019001) 20.56
    ("019001", "2010301", "30199", "50199"),  # 其他工资福利支出 / 其他工资福利支出   5.79
    # 302 商品和服务支出
    ("019001", "2010301", "30201", "50201"),  # 办公费 / 办公经费                     2.22
    ("019001", "2010301", "30204", "50201"),  # 手续费 / 办公经费                     0.04
    ("019001", "2010301", "30207", "50201"),  # 邮电费 / 办公经费                     0.12
    ("019001", "2010301", "30211", "50201"),  # 差旅费 / 办公经费                     0.50
    ("019001", "2010301", "30216", "50203"),  # 培训费 / 培训费                       0.78
    ("019001", "2010301", "30228", "50201"),  # 工会经费 / 办公经费                   1.56
    ("019002", "2010350", "30228", "50502"),  # 工会经费 / 商品和服务支出             0.79
    ("019001", "2010301", "30229", "50201"),  # 福利费 / 办公经费                     2.74
    ("019002", "2010350", "30229", "50502"),  # 福利费 / 商品和服务支出               1.38
    ("019001", "2010301", "30231", "50208"),  # 公务用车运行维护费 (三公)             5.00
    ("019001", "2010301", "30239", "50201"),  # 其他交通费用 / 办公经费               9.00
    ("019002", "2010350", "30299", "50502"),  # 其他商品和服务支出 / 商品和服务支出   0.39
    # 303 对个人和家庭的补助
    ("019001", "2080501", "30302", "50905"),  # 退休费 / 离退休费                     0.75
]

# Projects in table-12 order.  Amounts come from the performance forms (元), matched by name.
# Economic codes are a free (documented) choice: the document does not print them.
PROJECTS = [
    # code, table-12 name, deptEcon, govEcon, category
    ("P01", "（社会团体、民办非企业单位）离任审计、注销清算报告专项工作经费", "30227", "50205", "特定目标类"),
    ("P02", "电子政务外网网络租赁及运维等费用", "30227", "50205", "特定目标类"),
    ("P03", "保运转经费", "30201", "50201", "特定目标类"),
    ("P04", "新开办市场主体首套印章免费刻制经费", "30227", "50205", "特定目标类"),
    ("P05", "购买政务大厅综合服务经费", "30227", "50205", "特定目标类"),
    ("P06", "电子政务外网设备移机和网络安全经费", "31002", "50404", "特定目标类"),
    ("P07", "政务云资源服务经费", "30227", "50205", "特定目标类"),
    ("P08", "镇（街道）便民服务中心7乘24小时政务服务专区建设经费", "31002", "50404", "特定目标类"),
    ("P09", "购买政务大厅综合服务经费[23年结转汾财预批（2023）25号", "30227", "50205", "特定目标类"),
    ("P10", "汾阳市智慧政务项目建设经费（23年结转年初预算）", "31007", "50404", "特定目标类"),
    ("P11", "聘用临时工工资", "30199", "50199", "其他运转类"),
]
PROJECT_UNIT = "019001"  # every form names 汾阳市行政审批服务管理局 as 实施单位
PROJECT_FUNCTIONAL = "2010306"

FUND_SOURCES = ["general-public", "government-fund", "state-capital", "special-account", "unit-funds"]
FISCAL = {"general-public", "government-fund", "state-capital"}

# The 30 functional 类 in table-1 order.
CLASSES = ["201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213",
           "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "227", "229", "230",
           "231", "232", "233", "234"]


def kind_of(dept: str) -> str:
    return "personnel" if dept[:3] in ("301", "303") else "public"


def fen_to_str(f: int) -> str:
    sign = "-" if f < 0 else ""
    f = abs(f)
    return f"{sign}{f // 100}.{f % 100:02d}"


def yuan_to_fen(s: str) -> int:
    d = Decimal(s) * 100
    if d != d.to_integral_value():
        raise ValueError(f"more than 2 decimals: {s}")
    return int(d)


def wan_to_fen(s: str) -> int:
    return int(Decimal(s) * FEN_PER_WAN)


# --------------------------------------------------------------------------------------------
# Build the line skeleton
# --------------------------------------------------------------------------------------------
def build_skeleton(expected: dict):
    forms = {p["t12Project"]: p for p in expected["performanceTargets"]["projects"]}
    lines = []
    for unit, func, dept, gov in BASIC:
        exp_gov = DEPT_TO_GOV[dept][0 if UNIT_KIND[unit] in ("行政单位", "参公事业单位") else 1]
        assert gov == exp_gov, f"mapping violated: {unit} {dept}->{gov}, expected {exp_gov}"
        lines.append({"unitCode": unit, "fiscalYear": YEAR, "fundSource": "general-public",
                      "functionalCode": func, "kind": kind_of(dept), "deptEconCode": dept,
                      "govEconCode": gov, "projectCode": None, "origin": "current", "amount": None})
    projects = []
    for code, name, dept, gov, category in PROJECTS:
        form = forms[name]
        assert form["annualFunds"]["total"] == form["funds"]["total"]
        assert form["annualFunds"]["local"] == form["annualFunds"]["total"]
        amount_fen = yuan_to_fen(form["annualFunds"]["total"])
        assert DEPT_TO_GOV[dept][0] == gov
        projects.append({"code": code, "name": name, "formName": form["name"], "unitCode": PROJECT_UNIT,
                         "amount": fen_to_str(amount_fen), "formAmountPrinted": form["annualFunds"]["total"],
                         "category": category, "attribute": form["attribute"], "period": form["period"],
                         "formFilledAt": form["filledAt"], "deptEconCode": dept, "govEconCode": gov})
        lines.append({"unitCode": PROJECT_UNIT, "fiscalYear": YEAR, "fundSource": "general-public",
                      "functionalCode": PROJECT_FUNCTIONAL, "kind": "project", "deptEconCode": dept,
                      "govEconCode": gov, "projectCode": code, "origin": "current",
                      "amount": fen_to_str(amount_fen)})
    return lines, projects


# --------------------------------------------------------------------------------------------
# Printed cells -> (label, predicate, printed)
# --------------------------------------------------------------------------------------------
def printed_cells(expected: dict, unit_name_by_code: dict, project_name_by_code: dict):
    t = expected["tables"]
    cur = lambda l: l["origin"] == "current"
    co = lambda l: l["origin"] == "carry-over"
    fiscal = lambda l: l["fundSource"] in FISCAL
    fs = lambda s: (lambda l: l["fundSource"] == s)
    pre = lambda c: (lambda l: l["functionalCode"].startswith(c))
    basic = lambda l: l["kind"] != "project"
    proj = lambda l: l["kind"] == "project"
    always = lambda l: True
    AND = lambda *ps: (lambda l: all(p(l) for p in ps))
    out = []

    def add(label, pred, printed):
        out.append((label, pred, printed))

    # t01
    t1 = t["t01_revenue_expenditure_summary"]
    for item, src in zip(t1["revenue"], FUND_SOURCES):
        add(f"t01 revenue {item['item']}", AND(fs(src), cur), item["amount"])
    for item, cls in zip(t1["expenditure"], CLASSES):
        add(f"t01 {item['item']} total", pre(cls), item["total"])
        add(f"t01 {item['item']} currentYear", AND(pre(cls), cur), item["currentYear"])
        add(f"t01 {item['item']} carriedOver", AND(pre(cls), co), item["carriedOver"])
    tt = t1["totals"]
    add("t01 本年收入合计", cur, tt["currentYear"]["revenueAmount"])
    add("t01 本年支出合计 total", always, tt["currentYear"]["total"])
    add("t01 本年支出合计 currentYear", cur, tt["currentYear"]["currentYear"])
    add("t01 收入总计", always, tt["grandTotal"]["revenueAmount"])
    add("t01 支出总计 total", always, tt["grandTotal"]["total"])
    add("t01 支出总计 currentYear", cur, tt["grandTotal"]["currentYear"])

    # t02
    t2 = t["t02_revenue"]
    col_src = {"generalPublicBudget": "general-public", "governmentFund": "government-fund",
               "stateCapital": "state-capital", "fiscalSpecialAccount": "special-account", "unitFunds": "unit-funds"}
    for r in t2["rows"]:
        add(f"t02 {r['code']} total", pre(r["code"]), r["total"])
        for col, src in col_src.items():
            add(f"t02 {r['code']} {col}", AND(pre(r["code"]), fs(src), cur), r[col])
        add(f"t02 {r['code']} carriedOver", AND(pre(r["code"]), co), r["carriedOver"])
    if "total" in t2:
        tot = t2["total"]
        add("t02 合计 total", always, tot["total"])
        for col, src in col_src.items():
            add(f"t02 合计 {col}", AND(fs(src), cur), tot[col])
        add("t02 合计 carriedOver", co, tot["carriedOver"])

    # t03 / t05
    for key, scope in (("t03_expenditure", always), ("t05_general_public_budget_expenditure",
                                                      AND(fs("general-public"), cur))):
        tab = t[key]
        for r in tab["rows"]:
            add(f"{key[:3]} {r['code']} total", AND(scope, pre(r["code"])), r["total"])
            add(f"{key[:3]} {r['code']} basic", AND(scope, pre(r["code"]), basic), r["basic"])
            add(f"{key[:3]} {r['code']} project", AND(scope, pre(r["code"]), proj), r["project"])
        add(f"{key[:3]} 合计 total", scope, tab["total"]["total"])
        add(f"{key[:3]} 合计 basic", AND(scope, basic), tab["total"]["basic"])
        add(f"{key[:3]} 合计 project", AND(scope, proj), tab["total"]["project"])

    # t04
    t4 = t["t04_fiscal_appropriation_summary"]
    for item, src in zip(t4["revenue"], ["general-public", "government-fund", "state-capital"]):
        add(f"t04 revenue {item['item']}", AND(fs(src), cur), item["amount"])
    for item, cls in zip(t4["expenditure"], CLASSES):
        add(f"t04 {item['item']} subtotal", AND(fiscal, pre(cls)), item["subtotal"])
        for col, src in (("generalPublicBudget", "general-public"), ("governmentFund", "government-fund"),
                         ("stateCapital", "state-capital")):
            add(f"t04 {item['item']} {col}", AND(fs(src), pre(cls)), item[col])
    for row in ("currentYear", "grandTotal"):
        r = t4["totals"][row]
        add(f"t04 {row} revenue", AND(fiscal, cur) if row == "currentYear" else fiscal, r["revenueAmount"])
        add(f"t04 {row} subtotal", fiscal, r["subtotal"])
        add(f"t04 {row} generalPublicBudget", fs("general-public"), r["generalPublicBudget"])

    # t06: general public budget, current, basic
    scope6 = AND(fs("general-public"), cur, basic)
    t6 = t["t06_basic_expenditure_by_economic_class"]
    dept_by_name = {v: k for k, v in DEPT_NAME.items()}
    gov_by_name = {v: k for k, v in GOV_NAME.items()}
    for r in t6["rows"]:
        if r["group"]:
            c = dept_by_name[r["departmentEconomicClass"]]
            p = AND(scope6, lambda l, c=c: l["deptEconCode"][:3] == c)
            label = f"t06 group {c}"
        else:
            d = dept_by_name[r["departmentEconomicClass"]]
            g = gov_by_name[r["governmentEconomicClass"]]
            p = AND(scope6, lambda l, d=d, g=g: l["deptEconCode"] == d and l["govEconCode"] == g)
            label = f"t06 {d}/{g}"
        add(f"{label} total", p, r["total"])
        add(f"{label} personnel", AND(p, lambda l: l["kind"] == "personnel"), r["personnel"])
        add(f"{label} public", AND(p, lambda l: l["kind"] == "public"), r["public"])
    add("t06 合计 total", scope6, t6["total"]["total"])
    add("t06 合计 personnel", AND(scope6, lambda l: l["kind"] == "personnel"), t6["total"]["personnel"])
    add("t06 合计 public", AND(scope6, lambda l: l["kind"] == "public"), t6["total"]["public"])

    # t10: 三公 from fiscal money, basic and project alike
    t10 = t["t10_three_public_expenses"]
    codes10 = {"因公出国（境）费": {"30212"}, "公务接待费": {"30217"}, "公务用车购置及运行费": {"31013", "30231"},
               "①公务用车购置费": {"31013"}, "②公务用车运行维护费": {"30231"}}
    rows10 = [(r["item"], codes10[r["item"]], r) for r in t10["rows"]]
    rows10.append(("合计", {"30212", "30217", "31013", "30231"}, t10["total"]))
    for name, codes, r in rows10:
        p = lambda l, codes=codes: l["deptEconCode"] in codes
        add(f"t10 {name} total", AND(fiscal, p), r["total"])
        for col, src in (("generalPublicBudget", "general-public"), ("governmentFund", "government-fund"),
                         ("stateCapital", "state-capital")):
            add(f"t10 {name} {col}", AND(fs(src), p), r[col])

    # t11: 机关运行经费 -- scope rule: 公用经费 (basic, public) of every unit of the disclosure
    t11 = t["t11_agency_operating_expenses"]
    pub = AND(fiscal, cur, lambda l: l["kind"] == "public")
    for label, r in [("unit row", t11["rows"][0]), ("部门合计", t11["total"])]:
        add(f"t11 {label} total", pub, r["total"])
        add(f"t11 {label} generalPublicBudget", AND(pub, fs("general-public")), r["generalPublicBudget"])

    # t12: current projects
    t12 = t["t12_project_expenditure_current"]
    code_by_name = {v: k for k, v in project_name_by_code.items()}
    col12 = {"generalPublicBudget": "general-public", "governmentFund": "government-fund",
             "stateCapital": "state-capital", "fiscalSpecialAccount": "special-account", "unitFunds": "unit-funds"}
    for r in t12["rows"]:
        if r["unitTotal"]:
            uc = {v: k for k, v in unit_name_by_code.items()}[r["project"]]
            p = AND(proj, cur, lambda l, uc=uc: l["unitCode"] == uc)
        else:
            pc = code_by_name[r["project"]]
            p = AND(proj, cur, lambda l, pc=pc: l["projectCode"] == pc)
        add(f"t12 {r['project']} total", p, r["total"])
        for col, src in col12.items():
            add(f"t12 {r['project']} {col}", AND(p, fs(src)), r[col])
    return out


# --------------------------------------------------------------------------------------------
# Solver: integer fen, interval constraints on sums, bounds propagation + DFS
# --------------------------------------------------------------------------------------------
def propagate(lo, hi, cons, by_var, queue):
    """Bounds propagation for constraints clo <= sum(x[i] for i in idx) <= chi (in place)."""
    queue = set(queue)
    while queue:
        k = queue.pop()
        idx, clo, chi = cons[k]
        smin = sum(lo[i] for i in idx)
        smax = sum(hi[i] for i in idx)
        if smin > chi or smax < clo:
            return False
        for i in idx:
            nlo = max(lo[i], clo - (smax - hi[i]))
            nhi = min(hi[i], chi - (smin - lo[i]))
            if nlo > nhi:
                return False
            if nlo != lo[i] or nhi != hi[i]:
                smin += nlo - lo[i]
                smax += nhi - hi[i]
                lo[i], hi[i] = nlo, nhi
                queue.update(by_var[i])
    return True


def solve(n, cons, lo, hi, target, unit=100, node_limit=20000):
    """Find integer x (fen) with lo <= x <= hi and clo <= sum(x[idx]) <= chi for every (idx, clo, chi).

    Lines that appear in exactly the same multi-line constraints are merged into an *atom* (e.g. the
    bureau's 9 operating-cost lines all fall in 2010301, 302, basic-201 and the grand totals).  The
    search runs over the few atom sums -- bounds propagation, then depth-first search trying whole-yuan
    values from the middle of each propagated interval outwards (the middle keeps slack for the
    other constraints) -- and each atom's sum is then spread over its lines, keeping lines at their
    printed figure where possible and moving the larger lines first.
    """
    sig = {}
    for i in range(n):
        key = tuple(k for k, (idx, _, _) in enumerate(cons) if i in idx)
        sig.setdefault(key, []).append(i)
    atoms = list(sig.values())
    atom_of = {i: a for a, members in enumerate(atoms) for i in members}
    up = lambda v: -(-v // unit) * unit  # round inward to the search grid (whole yuan by default)
    down = lambda v: v // unit * unit
    lo = [up(v) for v in lo]
    hi = [down(v) for v in hi]
    acons = []
    for idx, clo, chi in cons:
        acons.append((tuple(sorted({atom_of[i] for i in idx})), up(clo), down(chi)))
    m = len(atoms)
    alo = [sum(lo[i] for i in members) for members in atoms]
    ahi = [sum(hi[i] for i in members) for members in atoms]
    by_atom = [[k for k, (idx, _, _) in enumerate(acons) if a in idx] for a in range(m)]
    if not propagate(alo, ahi, acons, by_atom, range(len(acons))):
        return None
    stats = {"nodes": 0, "atoms": m}

    def candidates(a, lo, hi):
        mid = (lo[a] + hi[a]) // 2
        vals = sorted(range(lo[a], hi[a] + 1, unit), key=lambda v: (abs(v - mid), v))
        return vals[:25]

    def dfs(lo, hi):
        stats["nodes"] += 1
        if stats["nodes"] > node_limit:
            return None
        free = [a for a in range(m) if lo[a] != hi[a]]
        if not free:
            return list(lo)
        a = min(free, key=lambda a: (hi[a] - lo[a], a))
        for v in candidates(a, lo, hi):
            nlo, nhi = list(lo), list(hi)
            nlo[a] = nhi[a] = v
            if propagate(nlo, nhi, acons, by_atom, by_atom[a]):
                r = dfs(nlo, nhi)
                if r is not None:
                    return r
        return None

    asum = dfs(alo, ahi)
    if asum is None:
        return None
    x = [None] * n
    for a, members in enumerate(atoms):
        vals = {i: min(max(target[i], lo[i]), hi[i]) for i in members}  # targets are on the grid
        rest = asum[a] - sum(vals.values())
        for i in sorted(members, key=lambda i: (-target[i], i)):  # larger lines absorb first
            if rest == 0:
                break
            if rest > 0:
                step = min(rest, hi[i] - vals[i])
            else:
                step = -min(-rest, vals[i] - lo[i])
            vals[i] += step
            rest -= step
        assert rest == 0, f"cannot distribute atom {a}"
        for i in members:
            x[i] = vals[i]
    return x, stats


def main():
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    lines, projects = build_skeleton(expected)
    unit_names = {u["unitCode"]: u["name"] for u in UNITS}
    project_names = {p["code"]: p["name"] for p in projects}
    cells = printed_cells(expected, unit_names, project_names)

    var_of = [i for i, l in enumerate(lines) if l["amount"] is None]
    pos = {li: k for k, li in enumerate(var_of)}
    n = len(var_of)
    lo = [-10**15] * n
    hi = [10**15] * n
    cons_map = {}
    cons_label = {}
    n_cells = 0
    for label, pred, printed in cells:
        members = [i for i, l in enumerate(lines) if pred(l)]
        if printed is None:
            if members:
                raise SystemExit(f"structure error: {label} is printed empty but has lines {members}")
            continue
        if not members:
            raise SystemExit(f"structure error: {label} printed {printed} but no line contributes")
        n_cells += 1
        centre = wan_to_fen(printed)
        # ROUND_HALF_UP reproduces P for sums in [P-0.005, P+0.005) 万元.  We also keep every sum off
        # the exact half (P-0.005), so the result does not depend on the tie-breaking rule.
        clo, chi = centre - HALF + 1, centre + HALF - 1
        fixed = sum(yuan_to_fen(lines[i]["amount"]) for i in members if lines[i]["amount"] is not None)
        idx = tuple(sorted(pos[i] for i in members if lines[i]["amount"] is None))
        clo, chi = clo - fixed, chi - fixed
        if not idx:
            if not (clo <= 0 <= chi):
                raise SystemExit(f"fixed amounts violate {label}: printed {printed}")
            continue
        cons_label.setdefault(idx, label)
        if idx in cons_map:
            a, b = cons_map[idx]
            cons_map[idx] = (max(a, clo), min(b, chi))
        else:
            cons_map[idx] = (clo, chi)
    cons = []
    for idx, (clo, chi) in cons_map.items():
        if len(idx) == 1:
            lo[idx[0]] = max(lo[idx[0]], clo)
            hi[idx[0]] = min(hi[idx[0]], chi)
        else:
            cons.append((idx, clo, chi))
    # target: the line's own printed figure (each basic line is one printed t06 row)
    target = [(lo[k] + hi[k] + 1) // 2 for k in range(n)]
    print(f"{n_cells} printed non-empty cells -> {len(cons)} distinct sum constraints "
          f"over {n} unknown lines (+{len(lines) - n} fixed project lines)")
    # Largest margin first: every printed cell's exact sum is kept at least `margin` fen away from
    # both ends of its rounding interval, so no figure sits on a knife edge.  Try MARGINS, largest
    # first, and keep the first that the search satisfies.  (By interval
    # reasoning the margin cannot exceed 16.65 yuan: 人员经费 must lie in [-149.99, -50.01] and
    # 公用经费 in [+50.01, +149.99] yuan from their items' printed sums while their total, 229.24,
    # must lie in [-139.59, -50.01], so 3 x margin <= 49.97 yuan: at most 16.65 -- see
    # docs/seed-derivation.md.)
    res = None
    for margin in MARGINS:
        shrunk = [(idx, clo + margin, chi - margin) for idx, clo, chi in cons]
        slo = [v + margin for v in lo]
        shi = [v - margin for v in hi]
        for unit in (100, 1):  # whole yuan if possible, else fen
            res = solve(n, shrunk, slo, shi, target, unit=unit)
            if res is not None:
                break
        if res is not None:
            break
    if res is None:
        raise SystemExit("no solution")
    print(f"margin: every printed cell's exact sum is >= {fen_to_str(margin)} 元 inside its rounding interval")
    sol, stats = res
    print(f"solved after {stats['nodes']} search nodes")
    for k, li in enumerate(var_of):
        lines[li]["amount"] = fen_to_str(sol[k])

    # report each multi-line constraint: its feasible window and where the solution sits
    print("multi-line constraints (deviation of the sum from the sum of the lines' printed figures, 元):")
    for idx, clo, chi in cons:
        s = sum(sol[i] for i in idx)
        t = sum(target[i] for i in idx)
        print(f"  {len(idx):2d} lines: window [{fen_to_str(clo - t)}, {fen_to_str(chi - t)}], "
              f"solution {fen_to_str(s - t)}  ({cons_label[idx]})")
    for k, li in enumerate(var_of):
        l = lines[li]
        dev = sol[k] - target[k]
        if dev:
            print(f"  {l['unitCode']} {l['functionalCode']} {l['deptEconCode']}/{l['govEconCode']}: "
                  f"{fen_to_str(sol[k])} ({'+' if dev > 0 else ''}{fen_to_str(dev)} vs printed)")

    if "--check-only" in sys.argv:
        return
    doc = {
        "provenance": (
            "Budget lines in exact yuan for the 2024 unit budget disclosure of 汾阳市行政审批服务管理局 "
            "(department 019) and its subordinate 数字政府服务中心, derived by tools/seed/derive-lines.py from "
            "data/seed/fenyang-2024/expected.json (transcription of source.txt). Project amounts are the 元 "
            "figures of the performance-target forms; basic-spending amounts are NOT published in 元: they were "
            "solved so that per-cell ROUND_HALF_UP rounding to 0.01万元 reproduces every printed figure of the 13 "
            "tables (verify with tools/seed/check-lines.py). Unit codes 019001/019002, project codes P01-P11 and "
            "the projects' economic codes are our own choices; see docs/seed-derivation.md."),
        "units": UNITS,
        "projects": projects,
        "lines": lines,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(lines)} lines)")


if __name__ == "__main__":
    main()
