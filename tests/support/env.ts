/** Names shared by the global setup, the teardown and the per-file database helper. */
export const ENV_ADMIN_URL = 'LEDGER_TEST_ADMIN_URL';
export const ENV_TEMPLATE = 'LEDGER_TEST_TEMPLATE';
export const ENV_RUN_ID = 'LEDGER_TEST_RUN_ID';
export const ENV_SERVICE_PASSWORD = 'LEDGER_TEST_SERVICE_PASSWORD';
