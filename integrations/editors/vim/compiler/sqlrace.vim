" Vim compiler file: sqlrace (check-then-act races in database code)
"
" :compiler sqlrace   then   :make    (every file of build/compile_commands.json)
"                      or     :make %  (the current file, its flags from the database)
"
" Works in Vim and Neovim. Settings, read when :compiler runs:
"   g:sqlrace_program    the sqlrace executable   (default: 'sqlrace', on $PATH)
"   g:sqlrace_build_dir  the directory with compile_commands.json, relative to
"                        Vim's working directory or absolute (default: 'build')
" Warnings become quickfix entries of type 'w', clang's errors 'e', notes 'n'
" (shown as 'note'); the source excerpts and the summary line are dropped.

if exists('current_compiler')
  finish
endif
let current_compiler = 'sqlrace'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

execute 'CompilerSet makeprg=' .
      \ escape(get(g:, 'sqlrace_program', 'sqlrace') . ' -p ' .
      \        get(g:, 'sqlrace_build_dir', 'build'), ' \|"')
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,
                       \%f:%l:%c:\ fatal\ %trror:\ %m,
                       \%f:%l:%c:\ %tarning:\ %m,
                       \%f:%l:%c:\ %tote:\ %m,
                       \%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
