//===- FileWrite.cpp - sqlrace --------------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// See FileWrite.h for what is guaranteed. POSIX only, as the tool is.
//===----------------------------------------------------------------------===//
#include "sqlrace/report/FileWrite.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include <cerrno>
#include <climits>
#include <cstring>
#include <dirent.h>
#include <iterator>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using llvm::StringRef;
using llvm::Twine;

namespace sqlrace::report {

static llvm::Error problem(const Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

static std::string errnoError() { return std::strerror(errno); }

namespace {
/// Closes a descriptor on every way out.
struct Descriptor {
  int FD = -1;
  Descriptor() = default;
  explicit Descriptor(int FD) : FD(FD) {}
  Descriptor(const Descriptor &) = delete;
  Descriptor &operator=(const Descriptor &) = delete;
  ~Descriptor() { reset(); }
  void reset() {
    if (FD >= 0)
      ::close(FD);
    FD = -1;
  }
};

/// The signal that arrived while SignalsHeld was alive, 0 if none.
volatile sig_atomic_t HeldSignal = 0;
extern "C" void holdSignal(int Sig) { HeldSignal = Sig; }

/// Holds back, for as long as it lives, the signals that would end the
/// process, so an in-place write is not cut in the middle by them; one that
/// arrived meanwhile is raised again at the end. Dispositions are
/// process-wide, so this also covers a signal delivered to another thread
/// (a -j worker), which blocking it in this thread would not.
class SignalsHeld {
public:
  SignalsHeld() {
    HeldSignal = 0;
    struct sigaction Hold;
    std::memset(&Hold, 0, sizeof(Hold));
    Hold.sa_handler = holdSignal;
    Hold.sa_flags = SA_RESTART;
    sigemptyset(&Hold.sa_mask);
    for (size_t I = 0; I < std::size(Signals); ++I)
      ::sigaction(Signals[I], &Hold, &Before[I]);
  }
  ~SignalsHeld() {
    for (size_t I = 0; I < std::size(Signals); ++I)
      ::sigaction(Signals[I], &Before[I], nullptr);
    if (int Sig = HeldSignal)
      ::raise(Sig);
  }

private:
  static constexpr int Signals[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,
                                    SIGUSR1, SIGUSR2, SIGALRM, SIGXFSZ};
  struct sigaction Before[std::size(Signals)];
};
} // namespace

static const char *kindOf(mode_t Mode) {
  if (S_ISCHR(Mode))
    return "a character device";
  if (S_ISBLK(Mode))
    return "a block device";
  if (S_ISDIR(Mode))
    return "a directory";
  if (S_ISFIFO(Mode))
    return "a FIFO";
  if (S_ISSOCK(Mode))
    return "a socket";
  return "not a regular file";
}

/// Follows the symlinks of the last component of Path (the directories are
/// followed by the system anyway). The result may not exist.
static llvm::Expected<std::string> finalTarget(StringRef Path) {
  std::string Current = Path.str();
  for (int Hops = 0; Hops < 40; ++Hops) {
    struct stat St;
    if (::lstat(Current.c_str(), &St) != 0 || !S_ISLNK(St.st_mode))
      return Current;
    char Link[PATH_MAX];
    ssize_t N = ::readlink(Current.c_str(), Link, sizeof(Link));
    if (N < 0)
      return problem("cannot read the symlink '" + Current +
                     "': " + errnoError());
    StringRef To(Link, static_cast<size_t>(N));
    if (llvm::sys::path::is_absolute(To)) {
      Current = To.str();
      continue;
    }
    llvm::SmallString<256> Next(llvm::sys::path::parent_path(Current));
    llvm::sys::path::append(Next, To);
    Current = std::string(Next);
  }
  return problem("'" + Path + "': too many levels of symbolic links");
}

/// Whether the user may not write the file, by its mode bits. Root may
/// write anything, so for root a file without any write bit counts as
/// read-only, as it does for editors and compilers' fix-it tools.
static bool isReadOnly(const std::string &Path, const struct stat &St) {
  if (::geteuid() == 0)
    return (St.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
  return ::faccessat(AT_FDCWD, Path.c_str(), W_OK, AT_EACCESS) != 0 &&
         (errno == EACCES || errno == EPERM || errno == EROFS);
}

static bool writeAll(int FD, StringRef Text, off_t At) {
  while (!Text.empty()) {
    ssize_t N = ::pwrite(FD, Text.data(), Text.size(), At);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    Text = Text.drop_front(static_cast<size_t>(N));
    At += N;
  }
  return true;
}

static bool readAll(int FD, std::string &Out) {
  Out.clear();
  char Chunk[65536];
  for (off_t At = 0;;) {
    ssize_t N = ::pread(FD, Chunk, sizeof(Chunk), At);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    if (N == 0)
      return true;
    Out.append(Chunk, static_cast<size_t>(N));
    At += N;
  }
}

std::string temporaryPathFor(StringRef Target, long Pid) {
  llvm::SmallString<256> Temp(llvm::sys::path::parent_path(Target));
  llvm::sys::path::append(Temp, "." + llvm::sys::path::filename(Target) +
                                    ".sqlrace-" + Twine(Pid) + ".tmp");
  return std::string(Temp);
}

unsigned removeStaleTemporaries(StringRef Target) {
  StringRef Dir = llvm::sys::path::parent_path(Target);
  std::string Prefix = ("." + llvm::sys::path::filename(Target) + ".sqlrace-").str();
  DIR *D = ::opendir(Dir.empty() ? "." : std::string(Dir).c_str());
  if (!D)
    return 0;
  unsigned Removed = 0;
  while (const struct dirent *E = ::readdir(D)) {
    StringRef Name(E->d_name);
    if (!Name.consume_front(Prefix) || !Name.consume_back(".tmp"))
      continue;
    long Pid = 0;
    if (Name.getAsInteger(10, Pid) || Pid <= 0 || Pid == ::getpid())
      continue;
    // Only once its process is gone: a live one is still writing it.
    if (::kill(static_cast<pid_t>(Pid), 0) == 0 || errno != ESRCH)
      continue;
    if (::unlink(temporaryPathFor(Target, Pid).c_str()) == 0)
      ++Removed;
  }
  ::closedir(D);
  return Removed;
}

/// Creates this process's temporary file for Target, registered for
/// removal on the terminating signals.
static llvm::Error createTemporary(const std::string &Target,
                                   const std::string &Temp, mode_t Mode,
                                   Descriptor &Out) {
  for (int Attempt = 0; Attempt < 2; ++Attempt) {
    Out.FD = ::open(Temp.c_str(),
                    O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, Mode);
    if (Out.FD >= 0)
      break;
    // A leftover of a dead process that had our pid.
    if (errno != EEXIST || Attempt == 1 || ::unlink(Temp.c_str()) != 0)
      return problem("cannot create a temporary file next to '" + Target +
                     "': " + errnoError());
  }
  llvm::sys::RemoveFileOnSignal(Temp);
  return llvm::Error::success();
}

static void dropTemporary(const std::string &Temp) {
  ::unlink(Temp.c_str());
  llvm::sys::DontRemoveFileOnSignal(Temp);
}

/// Makes the directory entry of a rename durable; best effort.
static void syncDirectory(StringRef Target) {
  StringRef Dir = llvm::sys::path::parent_path(Target);
  int FD = ::open(Dir.empty() ? "." : std::string(Dir).c_str(),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (FD >= 0) {
    ::fsync(FD);
    ::close(FD);
  }
}

/// Writes Text over the locked regular file Locked (Target, shown as Path
/// in messages), whose text is Old, as FileWrite.h describes.
static llvm::Error
replaceLocked(StringRef Path, const std::string &Target, int Locked,
              const struct stat &St, StringRef Old, StringRef Text,
              llvm::function_ref<void(StringRef)> BeforeReplace) {
  std::string Temp = temporaryPathFor(Target, ::getpid());
  Descriptor T;
  // Not yet readable by others: the final mode comes with fchmod below.
  if (llvm::Error E = createTemporary(Path.str(), Temp, 0600, T))
    return E;
  auto Abandon = [&](const Twine &Message) {
    T.reset();
    dropTemporary(Temp);
    return problem(Message);
  };
  if (!writeAll(T.FD, Text, 0) || ::fsync(T.FD) != 0)
    return Abandon("cannot write a temporary file next to '" + Path +
                   "': " + errnoError());
  bool InPlace = St.st_nlink > 1;
  if (!InPlace) {
    // The owner first: a change of owner clears the setuid/setgid bits.
    if ((St.st_uid != ::geteuid() || St.st_gid != ::getegid()) &&
        ::fchown(T.FD, St.st_uid, St.st_gid) != 0 && errno != EPERM)
      return Abandon("cannot give the owner of '" + Path +
                     "' to its new text: " + errnoError());
    if (::fchmod(T.FD, St.st_mode & 07777) != 0)
      return Abandon("cannot give the mode of '" + Path +
                     "' to its new text: " + errnoError());
  }
  T.reset();
  if (BeforeReplace)
    BeforeReplace(Temp);
  if (!InPlace) {
    if (::rename(Temp.c_str(), Target.c_str()) != 0) {
      std::string Why = errnoError();
      dropTemporary(Temp);
      return problem("cannot replace '" + Path + "': " + Why);
    }
    llvm::sys::DontRemoveFileOnSignal(Temp);
    syncDirectory(Target);
    return llvm::Error::success();
  }
  // Hard links: the inode must stay, so its bytes are overwritten. The new
  // text is complete in Temp until this is done.
  {
    SignalsHeld Held;
    if (!writeAll(Locked, Text, 0) ||
        ::ftruncate(Locked, static_cast<off_t>(Text.size())) != 0) {
      std::string Why = errnoError();
      // Put the old text back rather than leave a mixture.
      if (writeAll(Locked, Old, 0) &&
          ::ftruncate(Locked, static_cast<off_t>(Old.size())) == 0)
        return Abandon("cannot write '" + Path + "': " + Why +
                       "; it was left unchanged");
      return problem("cannot write '" + Path + "': " + Why +
                     "; it may be partly written and its new text is in '" +
                     Temp + "'");
    }
    ::fsync(Locked);
    // Writing clears setuid/setgid for a user without CAP_FSETID.
    struct stat After;
    if (::fstat(Locked, &After) == 0 &&
        (After.st_mode & 07777) != (St.st_mode & 07777))
      ::fchmod(Locked, St.st_mode & 07777);
  }
  dropTemporary(Temp);
  return llvm::Error::success();
}

/// Opens, checks and locks the existing file Target, then rewrites it.
static llvm::Error
rewriteTarget(StringRef Path, const std::string &Target, Rewrite Make,
              llvm::function_ref<void(StringRef)> BeforeReplace) {
  removeStaleTemporaries(Target);
  // A writer that replaced the file while we waited for its lock makes us
  // start again on the new one; a bound keeps this finite.
  for (int Attempt = 0; Attempt < 100; ++Attempt) {
    struct stat St;
    if (::lstat(Target.c_str(), &St) != 0)
      return problem("cannot read '" + Path + "': " + errnoError());
    if (!S_ISREG(St.st_mode))
      return problem("'" + Path + "' is " + kindOf(St.st_mode) +
                     ", not a regular file; refusing to replace it");
    if (isReadOnly(Target, St))
      return problem("'" + Path + "' is read-only");
    // O_NONBLOCK: a FIFO swapped in after the check must not hang us.
    Descriptor File(::open(Target.c_str(), O_RDWR | O_CLOEXEC | O_NOCTTY |
                                               O_NOFOLLOW | O_NONBLOCK));
    if (File.FD < 0) {
      if (errno == EACCES || errno == EROFS)
        return problem("'" + Path + "' is read-only");
      return problem("cannot open '" + Path + "': " + errnoError());
    }
    while (::flock(File.FD, LOCK_EX) != 0)
      if (errno != EINTR)
        return problem("cannot lock '" + Path + "': " + errnoError());
    struct stat Locked, Now;
    if (::fstat(File.FD, &Locked) != 0)
      return problem("cannot read '" + Path + "': " + errnoError());
    if (::lstat(Target.c_str(), &Now) != 0 || Now.st_ino != Locked.st_ino ||
        Now.st_dev != Locked.st_dev)
      continue;
    if (!S_ISREG(Locked.st_mode))
      return problem("'" + Path + "' is " + kindOf(Locked.st_mode) +
                     ", not a regular file; refusing to replace it");
    std::string Current;
    if (!readAll(File.FD, Current))
      return problem("cannot read '" + Path + "': " + errnoError());
    llvm::Expected<std::string> New = Make(Current);
    if (!New)
      return New.takeError();
    if (*New == Current)
      return llvm::Error::success();
    return replaceLocked(Path, Target, File.FD, Locked, Current, *New,
                         BeforeReplace);
  }
  return problem("'" + Path + "' keeps being replaced by another program");
}

llvm::Error rewriteFile(StringRef Path, Rewrite Make,
                        llvm::function_ref<void(StringRef)> BeforeReplace) {
  llvm::Expected<std::string> Target = finalTarget(Path);
  if (!Target)
    return Target.takeError();
  return rewriteTarget(Path, *Target, Make, BeforeReplace);
}

llvm::Error writeOutputFile(StringRef Path, StringRef Text) {
  llvm::Expected<std::string> Target = finalTarget(Path);
  if (!Target)
    return Target.takeError();
  struct stat St;
  if (::lstat(Target->c_str(), &St) == 0 || errno != ENOENT)
    return rewriteTarget(
        Path, *Target,
        [&](StringRef) -> llvm::Expected<std::string> { return Text.str(); },
        nullptr);
  // A new file: written whole next to its place, then renamed there.
  removeStaleTemporaries(*Target);
  std::string Temp = temporaryPathFor(*Target, ::getpid());
  Descriptor T;
  if (llvm::Error E = createTemporary(Path.str(), Temp, 0666, T))
    return E;
  if (!writeAll(T.FD, Text, 0) || ::fsync(T.FD) != 0) {
    std::string Why = errnoError();
    T.reset();
    dropTemporary(Temp);
    return problem("cannot write '" + Path + "': " + Why);
  }
  T.reset();
  if (::rename(Temp.c_str(), Target->c_str()) != 0) {
    std::string Why = errnoError();
    dropTemporary(Temp);
    return problem("cannot create '" + Path + "': " + Why);
  }
  llvm::sys::DontRemoveFileOnSignal(Temp);
  syncDirectory(*Target);
  return llvm::Error::success();
}

} // namespace sqlrace::report
