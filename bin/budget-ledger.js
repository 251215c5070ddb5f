#!/usr/bin/env node
// The installed `budget-ledger` command: the compiled CLI (npm install builds it via `prepare`).
require('../dist/src/cli/main.js');
