# Sqlrace.cmake: run sqlrace from a CMake project's build.
#
# Include it from the top-level CMakeLists.txt, before the targets:
#
#   include(path/to/sqlrace/integrations/cmake/Sqlrace.cmake)
#   add_library(accounts src/accounts.cpp src/signup.cpp)
#   sqlrace_add_target_check(accounts)      # optional, see below
#
# and, with the Ninja or Makefile generators:
#
#   ninja sqlrace              # sqlrace -p <build dir>: every file of compile_commands.json
#   ninja sqlrace-accounts     # only the C/C++ sources of target 'accounts'
#
# Each target exits with sqlrace's status, so a finding (1) or a file sqlrace
# could not analyse (2) fails the build step; none of them is part of 'all'.
#
# Variables (cache, so -D on the cmake command line works):
#   SQLRACE_EXECUTABLE  the sqlrace binary. Default: $SQLRACE_BIN if set,
#                       else 'sqlrace' found on PATH.
#   SQLRACE_ARGS        options added to every run, a ;-list, e.g.
#                       "--schema=${CMAKE_SOURCE_DIR}/schema.sql;--checks=-*,sqlrace-check-then-insert"
#   SQLRACE_TARGET      the name of the whole-project target. Default: sqlrace.
#
# The module turns CMAKE_EXPORT_COMPILE_COMMANDS on: sqlrace reads the flags
# of each file from ${CMAKE_BINARY_DIR}/compile_commands.json, which CMake
# writes at configure time (Ninja and Makefile generators only).
include_guard(GLOBAL)
# $<FILTER:...> and 'cmake -E false' need 3.16. No cmake_minimum_required()
# here: it would reset the including project's policies.
if(CMAKE_VERSION VERSION_LESS 3.16)
  message(FATAL_ERROR "Sqlrace.cmake needs CMake 3.16 or newer")
endif()

if(NOT SQLRACE_EXECUTABLE AND DEFINED ENV{SQLRACE_BIN})
  set(SQLRACE_EXECUTABLE "$ENV{SQLRACE_BIN}" CACHE FILEPATH "The sqlrace executable")
endif()
find_program(SQLRACE_EXECUTABLE NAMES sqlrace DOC "The sqlrace executable")
set(SQLRACE_ARGS "" CACHE STRING "Options added to every sqlrace run (;-list)")
set(SQLRACE_TARGET "sqlrace" CACHE STRING "Name of the target that runs sqlrace over the whole project")

set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_GENERATOR MATCHES "Ninja|Makefiles")
  message(WARNING "Sqlrace.cmake: the ${CMAKE_GENERATOR} generator writes no "
                  "compile_commands.json, so the sqlrace targets have nothing to read")
endif()

# A target standing in for a missing sqlrace: it fails and says why.
function(_sqlrace_missing_target name)
  add_custom_target(${name}
    COMMAND ${CMAKE_COMMAND} -E echo
            "sqlrace not found: put it on PATH, set SQLRACE_BIN, or configure with -DSQLRACE_EXECUTABLE=<path>"
    COMMAND ${CMAKE_COMMAND} -E false
    VERBATIM)
endfunction()

if(NOT TARGET ${SQLRACE_TARGET})
  if(SQLRACE_EXECUTABLE)
    add_custom_target(${SQLRACE_TARGET}
      COMMAND ${SQLRACE_EXECUTABLE} -p ${CMAKE_BINARY_DIR} ${SQLRACE_ARGS}
      WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
      COMMENT "sqlrace: every file of ${CMAKE_BINARY_DIR}/compile_commands.json"
      USES_TERMINAL VERBATIM)
  else()
    _sqlrace_missing_target(${SQLRACE_TARGET})
  endif()
endif()

# sqlrace_add_target_check(<target> [ARGS <sqlrace option>...])
#
# Adds the target sqlrace-<target>, which runs sqlrace over <target>'s C and
# C++ sources (headers are analysed through the sources that include them),
# with the flags compile_commands.json has for them, plus SQLRACE_ARGS and
# the ARGS given here.
function(sqlrace_add_target_check target)
  cmake_parse_arguments(PARSE_ARGV 1 _sqlrace "" "" "ARGS")
  if(NOT TARGET ${target})
    message(FATAL_ERROR "sqlrace_add_target_check: no target named '${target}'")
  endif()
  set(name "sqlrace-${target}")
  if(NOT SQLRACE_EXECUTABLE)
    _sqlrace_missing_target(${name})
    return()
  endif()
  set(source_regex [[\.(c|cc|cp|cpp|cxx|c\+\+|C|CPP|CC)$]])
  # Without a source sqlrace would analyse the whole database: refuse early.
  get_target_property(sources ${target} SOURCES)
  list(FILTER sources INCLUDE REGEX "${source_regex}")
  if(NOT sources)
    message(FATAL_ERROR "sqlrace_add_target_check: target '${target}' has no C or C++ "
                        "source yet; call it after the target's sources are added")
  endif()
  # The generator expression sees sources added later with target_sources()
  # too. They are relative to the target's source directory, hence the
  # working directory.
  add_custom_target(${name}
    COMMAND ${SQLRACE_EXECUTABLE} -p ${CMAKE_BINARY_DIR} ${SQLRACE_ARGS} ${_sqlrace_ARGS}
            "$<FILTER:$<TARGET_PROPERTY:${target},SOURCES>,INCLUDE,${source_regex}>"
    WORKING_DIRECTORY "$<TARGET_PROPERTY:${target},SOURCE_DIR>"
    COMMENT "sqlrace: sources of target ${target}"
    COMMAND_EXPAND_LISTS USES_TERMINAL VERBATIM)
endfunction()
