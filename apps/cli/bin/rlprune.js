#!/usr/bin/env node
// The rlprune CLI runs from TypeScript sources through tsx's CommonJS hook.
require('tsx/cjs');
require('../src/main.ts');
