;;; sqlrace.el --- run sqlrace in a compilation buffer  -*- lexical-binding: t -*-

;; Load it (or copy it into your init file):
;;   (load "/path/to/sqlrace/integrations/editors/emacs/sqlrace.el")
;; then M-x sqlrace-project (every file of compile_commands.json) or
;; M-x sqlrace-file (the current file). Findings land in a *sqlrace* buffer in
;; a compilation-mode of its own: RET or `next-error' (C-x `, M-g n) visits
;; each warning and note (notes included: they walk the race's path); warnings are shown as warnings, notes as info,
;; clang's errors (a file that does not compile) as errors.

;;; Code:

(require 'compile)

(defgroup sqlrace nil
  "Check-then-act races in database code."
  :group 'tools)

(defcustom sqlrace-program "sqlrace"
  "The sqlrace executable."
  :type 'string)

(defcustom sqlrace-build-dir "build"
  "The directory holding compile_commands.json, relative to the project root."
  :type 'string)

(defcustom sqlrace-extra-args nil
  "Options added to every sqlrace run, e.g. (\"--schema=schema.sql\")."
  :type '(repeat string))

;; FILE:LINE:COLUMN: error|warning|note: MESSAGE; group 4 marks a warning,
;; group 5 a note (compile.el's "info"); anything else is an error.
(add-to-list 'compilation-error-regexp-alist-alist
             '(sqlrace
               "^\\(.+?\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:\\(?:fatal \\)?error\\|\\(warning\\)\\|\\(note\\)\\): "
               1 2 3 (4 . 5)))

(define-compilation-mode sqlrace-mode "sqlrace"
  "Compilation mode for sqlrace's output."
  (setq-local compilation-error-regexp-alist '(sqlrace))
  ;; Let `next-error' stop at the notes too: they are the path of the race.
  (setq-local compilation-skip-threshold 0))

(defun sqlrace--root ()
  "The nearest directory above `default-directory' with the compilation database."
  (or (locate-dominating-file
       default-directory
       (lambda (dir)
         (file-exists-p (expand-file-name "compile_commands.json"
                                          (expand-file-name sqlrace-build-dir dir)))))
      (user-error "sqlrace: no %s/compile_commands.json above %s"
                  sqlrace-build-dir default-directory)))

(defun sqlrace--run (files)
  "Run sqlrace on FILES (all of the database when nil); return the buffer."
  (let ((default-directory (sqlrace--root))
        ;; compile runs the command in a pseudo-terminal; TERM=dumb keeps
        ;; sqlrace's output free of colour escapes.
        (compilation-environment (cons "TERM=dumb" compilation-environment)))
    (compilation-start
     (mapconcat #'shell-quote-argument
                (append (list sqlrace-program "-p" sqlrace-build-dir)
                        sqlrace-extra-args files)
                " ")
     'sqlrace-mode)))

(defun sqlrace-project ()
  "Run sqlrace over every file of the project's compile_commands.json."
  (interactive)
  (sqlrace--run nil))

(defun sqlrace-file ()
  "Run sqlrace on the current file, with its flags from compile_commands.json."
  (interactive)
  (unless buffer-file-name
    (user-error "sqlrace: this buffer visits no file"))
  (sqlrace--run (list (expand-file-name buffer-file-name))))

(provide 'sqlrace)
;;; sqlrace.el ends here
