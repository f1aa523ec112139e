//===- TempDir.h - sqlrace ------------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// A fresh directory for one unit test, removed with everything in it when
// the test ends. Header-only; every unit test target can include it
// (sqlrace_unittest in cmake/SqlraceFlags.cmake).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_TESTING_TEMPDIR_H
#define SQLRACE_TESTING_TEMPDIR_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace sqlrace::test {

class TempDir {
public:
  /// Creates <system temporary directory>/<Prefix>-<random>.
  explicit TempDir(llvm::StringRef Prefix) {
    llvm::SmallString<128> Made;
    if (std::error_code EC = llvm::sys::fs::createUniqueDirectory(Prefix, Made))
      llvm::report_fatal_error("cannot create a temporary directory: " +
                               llvm::Twine(EC.message()));
    Root = std::string(Made);
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Root); }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  /// The directory itself.
  const std::string &root() const { return Root; }
  /// Name (which may have '/'s) inside the directory.
  std::string path(llvm::StringRef Name) const {
    return Root + "/" + Name.str();
  }
  /// Writes Text, byte for byte, to Name; returns its path.
  std::string write(llvm::StringRef Name, llvm::StringRef Text) const {
    std::string Path = path(Name);
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    if (EC)
      llvm::report_fatal_error("cannot write '" + llvm::Twine(Path) +
                               "': " + EC.message());
    Out << Text;
    return Path;
  }
  /// Creates the directory Name and its parents; returns its path.
  std::string mkdir(llvm::StringRef Name) const {
    std::string Path = path(Name);
    if (std::error_code EC = llvm::sys::fs::create_directories(Path))
      llvm::report_fatal_error("cannot create '" + llvm::Twine(Path) +
                               "': " + EC.message());
    return Path;
  }

private:
  std::string Root;
};

} // namespace sqlrace::test

#endif
