//===- FileWrite.h - sqlrace ----------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Writing files the user owns without ever damaging them: the sources that
// --fix rewrites and the output files (--write-baseline, --export-fixes).
//
// - A symlink is followed to its final target, which is what gets written;
//   the link itself is kept.
// - An existing target that is not a regular file (a device, a FIFO, a
//   directory, a socket) is refused, /dev/null included.
// - An existing target without write permission for the user (by its mode
//   bits, also for root) is refused.
// - The target is locked with flock(LOCK_EX) while it is read and replaced,
//   so two sqlrace processes writing one file take turns.
// - The new text is first written whole to `.<name>.sqlrace-<pid>.tmp` in
//   the target's directory. A file with one link is then replaced by a
//   rename (atomic: readers and crashes see the old or the new text), after
//   the temporary file got the target's mode (setuid/setgid bits included,
//   no umask) and owner/group (where permitted). A file with several hard
//   links is instead overwritten in place, with the catchable signals
//   blocked, so every name keeps seeing the same file.
// - The temporary file is removed on SIGINT/SIGTERM/SIGHUP/SIGQUIT; one left
//   by a process killed with SIGKILL is removed by the next write of the
//   same file once that process is gone.
//
// docs/reliability.md, "Fixes and output files", is the user's side of this.
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_REPORT_FILEWRITE_H
#define SQLRACE_REPORT_FILEWRITE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace sqlrace::report {

/// Computes the new text of a file from its current bytes, read under the
/// lock; an error refuses the write and leaves the file as it is.
using Rewrite = llvm::function_ref<llvm::Expected<std::string>(
    llvm::StringRef Current)>;

/// Replaces the text of the existing regular file Path (through symlinks)
/// with what Make returns for its current text, as described above. Errors
/// are one line naming the file, without a "sqlrace: error: " prefix.
/// BeforeReplace, when set, runs once the temporary file is complete and
/// before it replaces the target (a test hook: see Fixes.h).
llvm::Error
rewriteFile(llvm::StringRef Path, Rewrite Make,
            llvm::function_ref<void(llvm::StringRef TempPath)> BeforeReplace =
                nullptr);

/// Writes Text to the output file Path: creates it (mode 0666 less the
/// umask) or replaces its text as rewriteFile does.
llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Text);

/// The name of the temporary file this process uses for Target:
/// `<dir>/.<name>.sqlrace-<pid>.tmp`.
std::string temporaryPathFor(llvm::StringRef Target, long Pid);

/// Removes the `.<name>.sqlrace-<pid>.tmp` files next to Target that were
/// left by processes that no longer exist. Returns how many it removed.
unsigned removeStaleTemporaries(llvm::StringRef Target);

} // namespace sqlrace::report

#endif
