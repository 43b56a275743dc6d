#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build:cli` (run on `npm install` by the prepare script).
require('../dist/cli.js');
