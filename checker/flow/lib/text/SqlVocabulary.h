//===- SqlVocabulary.h - sqlrace ------------------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The string-building names the SQL resolver knows (SqlResolverNames.cpp)
// and the format languages it expands (SqlFormat.cpp).
//===----------------------------------------------------------------------===//
#ifndef SQLRACE_FLOW_SQLVOCABULARY_H
#define SQLRACE_FLOW_SQLVOCABULARY_H

#include "sqlrace/sql/Statement.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class ASTContext;
class NamedDecl;
} // namespace clang

namespace sqlrace::flow::detail {

/// One hole: a fragment whose text is unknown.
inline std::string hole() { return std::string(1, sql::HoleChar); }

/// What a name from the string-building vocabulary does to text.
enum class Action : unsigned char {
  ObjectText,   ///< The object's own text: c_str(), toStdString().
  TextOrAssign, ///< Object text with no argument, assignment with one: str().
  ArgText,      ///< The text of argument Arg (Size: optional length).
  Stringify,    ///< Argument Arg printed: a known constant or a hole.
  Append,       ///< Appends the arguments to the object.
  Prepend,      ///< Prepends the argument to the object.
  Assign,       ///< Replaces the object's text with the argument.
  Clear,        ///< Empties the object.
  NoEffect,     ///< Changes no text (reserve(), ios::clear(), flush).
  Newline,      ///< A stream manipulator writing '\n'.
  PrintfInto,   ///< printf output written into the Buffer argument.
  CopyInto,     ///< Copies argument Arg into the Buffer argument.
  AppendInto,   ///< Appends argument Arg to the Buffer argument.
  PrintfText,   ///< Returns printf output (format at Format).
  BraceFormat,  ///< Returns {}-format output (format at Format).
  QtArg,        ///< Replaces the lowest %N of the object with the arguments.
  LiteralOp,    ///< A literal operator keeping its string ("..."s).
  LiteralMacro, ///< A macro wrapping a string literal in a lambda.
  StringClass,  ///< A class whose conversions keep the text.
  StreamClass,  ///< A string stream; its constructor argument is a mode.
};

/// One entry of the vocabulary table. Indexes of -1 mean "none".
struct NameRule {
  const char *Name;
  Action Act;
  signed char Arg = -1;
  signed char Buffer = -1;
  signed char Size = -1;
  signed char Format = -1;
};

/// The rule for a function, method, variable or class, or null.
const NameRule *ruleFor(const clang::NamedDecl *D);
/// The rule for the class of a type, or null.
const NameRule *ruleForType(clang::QualType T);
/// True when Loc was written inside an expansion of a LiteralMacro.
bool inLiteralMacro(clang::SourceLocation Loc, const clang::ASTContext &Ctx);

/// How a scalar is printed: printf and streams print bools as 1/0, {fmt}
/// as true/false.
enum class Style { Stream, Brace };

/// The argument of conversion `Conversion` (s, d, i, u, c) at vararg Index.
using PrintfArg =
    llvm::function_ref<std::string(unsigned Index, char Conversion)>;
/// printf output of Format: literal text kept, %% folded, each conversion
/// either Arg's text or a hole.
std::string expandPrintf(llvm::StringRef Format, PrintfArg Arg);
/// std::format / fmt::format output of Format; Arg gives argument Index.
std::string expandBraces(llvm::StringRef Format,
                         llvm::function_ref<std::string(unsigned)> Arg);
/// QString::arg: the lowest-numbered %N markers of Text replaced by Args[0],
/// the next lowest by Args[1], and so on, in one pass.
std::string expandQtArg(llvm::StringRef Text, llvm::ArrayRef<std::string> Args);

} // namespace sqlrace::flow::detail

#endif
