#!/usr/bin/env python3
"""Tests the Vim compiler file and the Emacs snippet with the real editors in
batch mode, on real sqlrace output.

  test_editors.py vim   --sqlrace <sqlrace>   (vim -es -u NONE)
  test_editors.py emacs --sqlrace <sqlrace>   (emacs --batch -Q)

Vim: ':compiler sqlrace' from integrations/editors/vim, then ':make!' over
the fixture's compile_commands.json, ':make! %' on one file, and ':cgetfile'
on saved output with clang errors; getqflist() must hold exactly the
expected entries. Emacs: integrations/editors/emacs/sqlrace.el's
sqlrace-project and sqlrace-file commands run sqlrace in a compilation
buffer, then next-error visits each message; file, line, column, type and
text must be exactly the expected ones.
"""

import argparse
import json
import os
import shutil
import tempfile

from common import FIXTURE, INTEGRATIONS, Tally, configure_fixture, need, run

SIGNUP = os.path.join(FIXTURE, "src", "signup.cpp")
WARNING = ("insert into 'users' can race with the preceding existence check; a concurrent "
           "client can insert the same row in between [sqlrace-check-then-insert]")
NOTES = [
    (11, 23, "existence of a 'users' row checked here, keyed on (email)"),
    (13, 7, "the path goes on from here only when no row was found"),
    (18, 21, "no unique-violation handling, lock or serializable transaction makes the "
             "check and the insert atomic"),
    (18, 21, "atomic rewrite (SQLite): INSERT INTO users(email) VALUES (?) ON CONFLICT "
             "(email) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on users (email)"),
]
# (file, line, column, kind, text); kind is 'warning', 'note' or 'error'.
EXPECTED = [(SIGNUP, 18, 21, "warning", WARNING)] + \
    [(SIGNUP, line, col, "note", text) for line, col, text in NOTES]


def vim_string(s):
    return "'" + s.replace("'", "''") + "'"


def broken_files(tmp):
    """Two files that do not compile, and the entries an editor should list."""
    broken = os.path.join(tmp, "broken.cpp")
    with open(broken, "w") as f:
        f.write("int f() {\n  return 1\n}\n")
    missing = os.path.join(tmp, "missing.cpp")
    with open(missing, "w") as f:
        f.write('#include "nope.h"\n')
    return [broken, missing], [(broken, 2, 11, "error", "expected ';' after return statement"),
                               (missing, 1, 10, "error", "'nope.h' file not found")]


def test_vim(args, t, tmp):
    need("vim", "install Debian's vim (scripts/install-deps.sh)")
    build = os.path.join(tmp, "build")
    configure_fixture(build)
    kinds = {"w": "warning", "n": "note", "e": "error"}

    def quickfix(commands, cwd, first=()):
        result = os.path.join(tmp, "qf.json")
        if os.path.exists(result):
            os.remove(result)
        script = os.path.join(tmp, "test.vim")
        with open(script, "w") as f:
            f.write("\n".join([
                "set rtp^=" + os.path.join(INTEGRATIONS, "editors", "vim").replace(" ", r"\ "),
                *first,  # :compiler sets the options of the current buffer
                f"let g:sqlrace_program = {vim_string(os.path.abspath(args.sqlrace))}",
                f"let g:sqlrace_build_dir = {vim_string(build)}",
                "compiler sqlrace",
                *commands,
                "let s:out = []",
                "for e in getqflist()",
                "  call add(s:out, json_encode({'file': fnamemodify(bufname(e.bufnr), ':p'),"
                " 'lnum': e.lnum, 'col': e.col, 'type': e.type, 'text': e.text, 'valid': e.valid}))",
                "endfor",
                f"call writefile(s:out, {vim_string(result)})",
                "qa!", ""]))
        status, out = run(["vim", "-N", "-u", "NONE", "-i", "NONE", "-es", "-S", script], cwd=cwd)
        if not os.path.exists(result):
            return None, out
        with open(result) as f:
            entries = [json.loads(line) for line in f if line.strip()]
        return [(e["file"], e["lnum"], e["col"], kinds.get(e["type"], e["type"]), e["text"])
                for e in entries if e["valid"]], out

    got, out = quickfix(["silent make!"], FIXTURE)
    t.check(got == EXPECTED, ":make! over the compilation database lists the warning and its notes",
            f"{out}\ngot: {got}")
    got, out = quickfix(["silent make! %"], FIXTURE, first=["edit src/tags.cpp"])
    t.check(got == [] and "0 findings in 1 file" in out,
            ":make! % on the clean tags.cpp runs sqlrace and leaves the quickfix list empty",
            f"{out}\ngot: {got}")
    got, out = quickfix(["silent make! %"], FIXTURE, first=["edit src/signup.cpp"])
    t.check(got == EXPECTED, ":make! % on signup.cpp lists its finding", f"{out}\ngot: {got}")

    files, expected = broken_files(tmp)
    status, output = run([args.sqlrace, *files, "--", "-std=c++17"], cwd=tmp)
    saved = os.path.join(tmp, "sqlrace.out")
    with open(saved, "w") as f:
        f.write(output)
    got, out = quickfix([f"cgetfile {saved}"], tmp)
    t.check(status == 2 and got == expected,
            ":cgetfile on output with clang errors lists them as errors", f"{output}\ngot: {got}")


EMACS_DRIVER = r"""
(require 'json)
(load %(snippet)s)
(setq sqlrace-program %(sqlrace)s)
(defun test-locus ()
  (with-current-buffer (window-buffer (selected-window))
    (save-excursion
      (goto-char (window-point (selected-window)))
      (list (buffer-file-name) (line-number-at-pos) (1+ (current-column))))))
(defun test-wait (buf)
  (while (get-buffer-process buf) (accept-process-output (get-buffer-process buf) 0.1))
  (with-current-buffer buf (compilation--ensure-parse (point-max)))
  buf)
(defun test-messages (buf)
  "RET on each message line of BUF: (file line column type text) of each."
  (let (out)
    (with-current-buffer buf
      (goto-char (point-min))
      (while (not (eobp))
        (let ((msg (get-text-property (point) 'compilation-message))
              (text (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
          (when msg
            (save-excursion
              (compile-goto-error)
              (push (vconcat (test-locus) (list (compilation--message->type msg) text)) out))))
        (forward-line 1)))
    (vconcat (nreverse out))))
(defun test-next-error (buf)
  "The loci `next-error' visits in BUF, from the first."
  (let (out (first t))
    (with-current-buffer buf (setq next-error-last-buffer buf))
    (condition-case nil
        (while t (next-error 1 first) (setq first nil) (push (vconcat (test-locus)) out))
      (user-error nil))
    (vconcat (nreverse out))))
(defun test-result (buf)
  (list :messages (test-messages buf) :visits (test-next-error buf)
        :output (with-current-buffer buf (buffer-substring-no-properties (point-min) (point-max)))))
(let ((results nil))
  (let ((default-directory %(src)s))
    (push (test-result (test-wait (sqlrace-project))) results))
  (with-current-buffer (find-file-noselect %(signup)s)
    (push (test-result (test-wait (sqlrace-file))) results))
  (with-current-buffer (find-file-noselect %(tags)s)
    (push (test-result (test-wait (sqlrace-file))) results))
  (let ((default-directory %(tmp)s))
    (push (test-result (test-wait (compilation-start %(cat)s 'sqlrace-mode))) results))
  (with-temp-file %(out)s (insert (json-encode (vconcat (nreverse results))))))
"""


def elisp_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_emacs(args, t, tmp):
    need("emacs", "install Debian's emacs-nox (scripts/install-deps.sh)")
    # A copy of the fixture with its build dir inside, so the snippet's
    # defaults (build/ under the project root found from the file) apply.
    project = os.path.join(tmp, "project")
    shutil.copytree(FIXTURE, project)
    configure_fixture(os.path.join(project, "build"), source=project)
    signup = os.path.join(project, "src", "signup.cpp")
    files, errors = broken_files(tmp)
    status, output = run([args.sqlrace, *files, "--", "-std=c++17"], cwd=tmp)
    saved = os.path.join(tmp, "sqlrace.out")
    with open(saved, "w") as f:
        f.write(output)
    result = os.path.join(tmp, "result.json")
    driver = os.path.join(tmp, "driver.el")
    with open(driver, "w") as f:
        f.write(EMACS_DRIVER % {
            "snippet": elisp_string(os.path.join(INTEGRATIONS, "editors", "emacs", "sqlrace.el")),
            "sqlrace": elisp_string(args.sqlrace),
            "src": elisp_string(os.path.join(project, "src") + "/"),
            "signup": elisp_string(signup),
            "tags": elisp_string(os.path.join(project, "src", "tags.cpp")),
            "tmp": elisp_string(tmp + "/"),
            "cat": elisp_string("cat " + saved),
            "out": elisp_string(result)})
    # A colour terminal, as in a real session: the snippet must still get
    # plain output from sqlrace.
    env = dict(os.environ, TERM="xterm-256color")
    status, out = run(["emacs", "--batch", "-Q", "-l", driver], cwd=tmp, env=env)
    if not os.path.exists(result):
        t.check(False, "emacs ran the driver", out)
        return
    with open(result) as f:
        project_run, file_run, clean_run, errors_run = json.load(f)
    types = {0: "note", 1: "warning", 2: "error"}

    def messages(run_result):
        return [(file, line, col, types[kind], text.split(": ", 2)[2])
                for file, line, col, kind, text in run_result["messages"]]

    expected = [(signup,) + e[1:] for e in EXPECTED]
    t.check(messages(project_run) == expected,
            "M-x sqlrace-project: RET on each message visits its file, line and column, "
            "with the right type", json.dumps(project_run, indent=1))
    # next-error stops once at consecutive messages with the same locus (the
    # two last notes): compile.el's rule.
    visits = [list(e[:3]) for e in expected[:4]]
    t.check(project_run["visits"] == visits,
            "next-error walks the warning and its notes in order",
            json.dumps(project_run, indent=1))
    t.check("\x1b[" not in project_run["output"],
            "no colour escapes in the compilation buffer", project_run["output"])
    t.check(messages(file_run) == expected and "1 finding in 1 file" in file_run["output"],
            "M-x sqlrace-file on signup.cpp lists its finding", json.dumps(file_run, indent=1))
    t.check(messages(clean_run) == [] and "0 findings in 1 file" in clean_run["output"],
            "M-x sqlrace-file on the clean tags.cpp lists nothing", json.dumps(clean_run, indent=1))
    t.check(messages(errors_run) == errors,
            "clang errors and fatal errors in sqlrace's output are errors",
            json.dumps(errors_run, indent=1))



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("editor", choices=["vim", "emacs"])
    ap.add_argument("--sqlrace", required=True)
    args = ap.parse_args()
    args.sqlrace = os.path.abspath(args.sqlrace)
    t = Tally()
    with tempfile.TemporaryDirectory(prefix=f"sqlrace-{args.editor}-") as tmp:
        {"vim": test_vim, "emacs": test_emacs}[args.editor](args, t, tmp)
    t.finish()


if __name__ == "__main__":
    main()
