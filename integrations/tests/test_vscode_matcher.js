#!/usr/bin/env node
// Tests the problem matcher of integrations/editors/vscode/tasks.json on
// real output: the matcher's regexp is compiled as VS Code compiles it (a
// JavaScript RegExp, no flags) and applied line by line, and each match is
// turned into a problem the way VS Code's task system does it (trimmed
// groups; 'error'/'warning'/'info' by name, 'note' and 'hint' as info; the
// file resolved against ${workspaceFolder} when relative). The problems must
// be exactly the expected ones: sqlrace's warning and notes on the fixture,
// clang's errors on a file that does not compile, and clang-tidy-19's output
// with the module, as a warning and as an error with --warnings-as-errors.
//
// Usage: node test_vscode_matcher.js --sqlrace <sqlrace> --module <SqlRaceTidyModule.so>
'use strict';
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const HERE = __dirname;
const TASKS = path.join(HERE, '..', 'editors', 'vscode', 'tasks.json');
const FIXTURE = path.join(HERE, 'project');

function option(name) {
  const i = process.argv.indexOf(name);
  if (i < 0 || i + 1 >= process.argv.length) throw new Error(`missing ${name}`);
  return path.resolve(process.argv[i + 1]);
}

// VS Code's severity rules for a problem matcher's severity group.
function severity(value, fallback) {
  const v = (value || '').toLowerCase();
  if (v === 'error' || value === 'E') return 'error';
  if (v === 'warning' || v === 'warn' || value === 'W') return 'warning';
  if (v === 'info' || value === 'I' || v === 'note' || v === 'hint') return 'info';
  return fallback || 'error';
}

function problems(matcher, output, workspace) {
  const p = matcher.pattern;
  const re = new RegExp(p.regexp);
  const group = (m, i) => (i !== undefined && m[i] !== undefined ? m[i].trim() : undefined);
  const found = [];
  for (const line of output.split(/\r?\n/)) {
    const m = re.exec(line);
    if (!m) continue;
    let file = group(m, p.file);
    if (!path.isAbsolute(file) && fs.existsSync(path.join(workspace, file)))
      file = path.join(workspace, file);
    const problem = {
      file: path.normalize(file),
      line: parseInt(group(m, p.line), 10),
      column: parseInt(group(m, p.column), 10),
      severity: severity(group(m, p.severity), matcher.severity),
      message: group(m, p.message),
    };
    const code = group(m, p.code);
    if (code !== undefined) problem.code = code;
    found.push(problem);
  }
  return found;
}

function run(cmd, args, cwd) {
  const r = cp.spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300000 });
  if (r.error) throw r.error;
  return { status: r.status, output: r.stdout + r.stderr };
}

let passed = 0, failed = 0;
function check(what, fn) {
  try {
    fn();
    passed++;
    console.log(`PASS ${what}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${what}\n${e.message}`);
  }
}

const sqlrace = option('--sqlrace');
const tidyModule = option('--module');
const tasks = JSON.parse(fs.readFileSync(TASKS, 'utf8'));  // plain JSON, no comments
const matcher = tasks.tasks[0].problemMatcher;

check('every task uses the same problem matcher', () => {
  for (const t of tasks.tasks) assert.deepStrictEqual(t.problemMatcher, matcher, t.label);
  assert.deepStrictEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
});

const signup = path.join(FIXTURE, 'src', 'signup.cpp');
const warning = "insert into 'users' can race with the preceding existence check; " +
                'a concurrent client can insert the same row in between';
const notes = [
  [11, 23, "existence of a 'users' row checked here, keyed on (email)"],
  [13, 7, 'the path goes on from here only when no row was found'],
  [18, 21, 'no unique-violation handling, lock or serializable transaction makes the check and the insert atomic'],
  [18, 21, 'atomic rewrite (SQLite): INSERT INTO users(email) VALUES (?) ON CONFLICT (email) DO NOTHING, ' +
           'or INSERT OR IGNORE, backed by a UNIQUE constraint on users (email)'],
];
function expected(warningSeverity) {
  return [{ file: signup, line: 18, column: 21, severity: warningSeverity, message: warning,
            code: 'sqlrace-check-then-insert' }]
    .concat(notes.map(([line, column, message]) =>
      ({ file: signup, line, column, severity: 'info', message })));
}

check('sqlrace on the fixture: the warning and its four notes, nothing else', () => {
  const r = run(sqlrace, ['src/signup.cpp', 'src/tags.cpp', '--', '-std=c++17'], FIXTURE);
  assert.strictEqual(r.status, 1, r.output);
  assert.deepStrictEqual(problems(matcher, r.output, FIXTURE), expected('warning'));
});

check('clang errors and fatal errors of files that do not compile are errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlrace-vscode-'));
  try {
    const broken = path.join(dir, 'broken.cpp');
    fs.writeFileSync(broken, 'int f() {\n  return 1\n}\n');
    const missing = path.join(dir, 'missing.cpp');
    fs.writeFileSync(missing, '#include "nope.h"\n');
    const r = run(sqlrace, [broken, missing, '--', '-std=c++17'], dir);
    assert.strictEqual(r.status, 2, r.output);
    assert.deepStrictEqual(problems(matcher, r.output, dir), [
      { file: broken, line: 2, column: 11, severity: 'error', message: "expected ';' after return statement" },
      { file: missing, line: 1, column: 10, severity: 'error', message: "'nope.h' file not found" },
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

for (const asErrors of [false, true]) {
  check(`clang-tidy-19 with the module${asErrors ? ' and --warnings-as-errors' : ''}`, () => {
    const args = [`--load=${tidyModule}`, '--checks=-*,sqlrace-*', 'src/signup.cpp'];
    if (asErrors) args.push('--warnings-as-errors=sqlrace-*');
    const r = run('clang-tidy-19', args.concat(['--', '-std=c++17']), FIXTURE);
    assert.strictEqual(r.status, asErrors ? 1 : 0, r.output);
    assert.deepStrictEqual(problems(matcher, r.output, FIXTURE),
                           expected(asErrors ? 'error' : 'warning'));
  });
}

check('a relative path is resolved against the workspace folder', () => {
  const line = "src/signup.cpp:18:21: warning: " + warning + ' [sqlrace-check-then-insert]';
  assert.deepStrictEqual(problems(matcher, line, FIXTURE), expected('warning').slice(0, 1));
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
