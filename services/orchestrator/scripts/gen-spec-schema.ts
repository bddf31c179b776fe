// Writes examples/experiment-spec.schema.json from SPEC_SCHEMA (src/spec/json-schema.ts); with
// --check, fails (exit 1) when the committed file differs, so a spec field cannot land without it.
import fs from 'node:fs';
import path from 'node:path';
import { SPEC_JSON_SCHEMA_PATH, specJsonSchemaText } from '../src/spec/json-schema';

const file = path.resolve(__dirname, '../../..', SPEC_JSON_SCHEMA_PATH);
const text = specJsonSchemaText();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`${SPEC_JSON_SCHEMA_PATH} is out of date: run npm run gen:spec-schema\n`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, text);
  process.stdout.write(`wrote ${SPEC_JSON_SCHEMA_PATH}\n`);
}
