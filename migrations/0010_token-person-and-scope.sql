-- Why: a token belongs to a person (separation of duties compares persons, not token labels), and a finance reviewer's or auditor's token may be limited to some departments.
-- Up Migration

-- Before this, the label was the only name of the holder, so each existing token's person is its
-- label: two tokens of one person given the same label are then one person (the safe side for
-- separation of duties). Adjustments submitted before persons existed name their submitter as
-- "<role>:<label>", which src/domain/policy/engine.ts reads as the person <label> for that reason.
ALTER TABLE api_tokens ADD COLUMN person_id text;
UPDATE api_tokens SET person_id = label;
ALTER TABLE api_tokens ALTER COLUMN person_id SET NOT NULL;

-- Departments (部门 codes) a FINANCE_REVIEWER or AUDITOR token is limited to; empty: the whole
-- ledger. A BUDGET_OFFICER is limited by unit_codes instead.
ALTER TABLE api_tokens ADD COLUMN department_codes text[] NOT NULL DEFAULT '{}';

-- Which role takes which limit; NOT VALID: rows written before are not re-checked (the CLI
-- already refused units on other roles and officers without units).
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scope_by_role CHECK (
  CASE role
    WHEN 'BUDGET_OFFICER' THEN cardinality(unit_codes) > 0 AND cardinality(department_codes) = 0
    WHEN 'ADMIN' THEN cardinality(unit_codes) = 0 AND cardinality(department_codes) = 0
    ELSE cardinality(unit_codes) = 0
  END
) NOT VALID;
