//===- SqlResolverNames.cpp - sqlrace -------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The string-building vocabulary the SQL resolver understands, as one table.
//===----------------------------------------------------------------------===//
#include "SqlResolverInternal.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace sqlrace::flow::detail {

// The names SQL text is built with in C and C++: the C library, the standard
// library, {fmt} and Qt. None of them is a database API (those are data, in
// rules/*.json); they are the language strings are assembled in, so the
// resolver has to know them by name. Names are written without inline
// namespaces (std::__cxx11, fmt::v9) and without template arguments. A name
// missing here is not an error: calls the resolver does not know read as
// holes, and unknown non-const methods on a tracked variable make it a hole.
static const NameRule Vocabulary[] = {
    // C library: writes into a char buffer.
    {"snprintf", Action::PrintfInto, -1, /*Buffer=*/0, /*Size=*/1,
     /*Format=*/2},
    {"sprintf", Action::PrintfInto, -1, /*Buffer=*/0, -1, /*Format=*/1},
    {"strcpy", Action::CopyInto, /*Arg=*/1, /*Buffer=*/0},
    {"strcat", Action::AppendInto, /*Arg=*/1, /*Buffer=*/0},

    // std::basic_string and std::basic_string_view.
    {"std::basic_string", Action::StringClass},
    {"std::basic_string_view", Action::StringClass},
    {"std::basic_string::c_str", Action::ObjectText},
    {"std::basic_string::data", Action::ObjectText},
    {"std::basic_string_view::data", Action::ObjectText},
    {"std::basic_string::append", Action::Append},
    {"std::basic_string::push_back", Action::Append},
    {"std::basic_string::assign", Action::Assign},
    {"std::basic_string::clear", Action::Clear},
    {"std::basic_string::reserve", Action::NoEffect},
    {"std::basic_string::shrink_to_fit", Action::NoEffect},
    {"std::operator\"\"s", Action::LiteralOp},
    {"std::operator\"\"sv", Action::LiteralOp},
    {"std::to_string", Action::Stringify, /*Arg=*/0},
    {"std::move", Action::ArgText, /*Arg=*/0},
    {"std::forward", Action::ArgText, /*Arg=*/0},

    // std::ostringstream and std::stringstream.
    {"std::basic_ostringstream", Action::StreamClass},
    {"std::basic_stringstream", Action::StreamClass},
    {"std::basic_ostringstream::str", Action::TextOrAssign},
    {"std::basic_stringstream::str", Action::TextOrAssign},
    {"std::basic_ostream::put", Action::Append},
    {"std::basic_ostream::write", Action::Append},
    {"std::basic_ostream::flush", Action::NoEffect},
    {"std::basic_ios::clear", Action::NoEffect},
    {"std::endl", Action::Newline},
    {"std::flush", Action::NoEffect},

    // std::format (C++20) and {fmt}.
    {"std::format", Action::BraceFormat, -1, -1, -1, /*Format=*/0},
    {"fmt::format", Action::BraceFormat, -1, -1, -1, /*Format=*/0},
    {"fmt::runtime", Action::ArgText, /*Arg=*/0},
    {"fmt::sprintf", Action::PrintfText, -1, -1, -1, /*Format=*/0},
    {"fmt::to_string", Action::Stringify, /*Arg=*/0},

    // Qt.
    {"QString", Action::StringClass},
    {"QByteArray", Action::StringClass},
    {"QLatin1String", Action::StringClass},
    {"QStringView", Action::StringClass},
    {"QStringBuilder", Action::StringClass},
    {"QStringLiteral", Action::LiteralMacro},
    {"QString::arg", Action::QtArg},
    {"QLatin1String::arg", Action::QtArg},
    {"QStringView::arg", Action::QtArg},
    {"QString::fromUtf8", Action::ArgText, /*Arg=*/0, -1, /*Size=*/1},
    {"QString::fromLatin1", Action::ArgText, /*Arg=*/0, -1, /*Size=*/1},
    {"QString::fromLocal8Bit", Action::ArgText, /*Arg=*/0, -1, /*Size=*/1},
    {"QString::fromStdString", Action::ArgText, /*Arg=*/0},
    {"QString::number", Action::Stringify, /*Arg=*/0},
    {"QString::asprintf", Action::PrintfText, -1, -1, -1, /*Format=*/0},
    {"QString::toUtf8", Action::ObjectText},
    {"QString::toLatin1", Action::ObjectText},
    {"QString::toLocal8Bit", Action::ObjectText},
    {"QString::toStdString", Action::ObjectText},
    {"QByteArray::constData", Action::ObjectText},
    {"QByteArray::data", Action::ObjectText},
    {"QLatin1String::latin1", Action::ObjectText},
    {"QLatin1String::data", Action::ObjectText},
    {"QString::append", Action::Append},
    {"QString::push_back", Action::Append},
    {"QString::prepend", Action::Prepend},
    {"QString::push_front", Action::Prepend},
    {"QString::clear", Action::Clear},
    {"QString::reserve", Action::NoEffect},
    {"QString::squeeze", Action::NoEffect},
};

static const NameRule *lookup(llvm::StringRef Name) {
  static const llvm::StringMap<const NameRule *> *Map = [] {
    auto *M = new llvm::StringMap<const NameRule *>();
    for (const NameRule &R : Vocabulary)
      M->try_emplace(R.Name, &R);
    return M;
  }();
  auto It = Map->find(Name);
  return It == Map->end() ? nullptr : It->second;
}

// "ns::Class::name" with inline and anonymous namespaces left out, or "" for
// declarations no library can own (local classes, lambdas).
static std::string plainName(const NamedDecl *D) {
  llvm::SmallVector<std::string, 6> Parts;
  DeclarationName N = D->getDeclName();
  // An unnamed class (a lambda's closure) has an identifier name with no
  // identifier.
  if (N.isIdentifier() && N.getAsIdentifierInfo())
    Parts.push_back(N.getAsIdentifierInfo()->getName().str());
  else if (N.getNameKind() == DeclarationName::CXXLiteralOperatorName)
    Parts.push_back("operator\"\"" +
                    N.getCXXLiteralIdentifier()->getName().str());
  else
    return "";
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (isa<TranslationUnitDecl>(DC))
      break;
    if (isa<LinkageSpecDecl>(DC))
      continue;
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        return "";
      Parts.push_back(RD->getName().str());
    } else {
      return "";
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

const NameRule *ruleFor(const NamedDecl *D) {
  if (!D)
    return nullptr;
  // Instantiations share their template's name and context.
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      D = Pattern;
  std::string Name = plainName(D);
  return Name.empty() ? nullptr : lookup(Name);
}

const NameRule *ruleForType(QualType T) {
  if (T.isNull())
    return nullptr;
  return ruleFor(T.getNonReferenceType()->getAsRecordDecl());
}

bool inLiteralMacro(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // Bounded: a literal macro nested in a few layers of user macros.
  for (unsigned I = 0; I < 8 && Loc.isMacroID(); ++I) {
    llvm::StringRef Name =
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (const NameRule *R = lookup(Name); R && R->Act == Action::LiteralMacro)
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

} // namespace sqlrace::flow::detail
