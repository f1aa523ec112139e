#!/usr/bin/env bash
# Installs, with apt, whatever sqlrace needs to build and test that is not
# already on this Debian 12 machine. Safe to run repeatedly.
set -euo pipefail

PKGS=(
  # toolchain
  cmake ninja-build ccache g++ python3
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tidy-19 clang-tools-19
  nlohmann-json3-dev libgtest-dev libgmock-dev
  # headers the SQL resolver's unit tests compile snippets against
  libfmt-dev
  # the SQL layer's cross-check against PostgreSQL's parser (libpg_query)
  # and its libFuzzer target (clang-19's fuzzer and sanitizer runtimes)
  libpg-query-dev libclang-rt-19-dev
  # client headers the testdata compiles against
  libsqlite3-dev libpq-dev libpqxx-dev libmariadb-dev libmysqlcppconn-dev
  libsoci-dev libpoco-dev qtbase5-dev libsqlitecpp-dev unixodbc-dev
  # checker/sql/proofs: the servers the proofs start on loopback, their
  # Python clients (SQLite comes with python3), and pkg-config for the
  # testdata flags the proofs reuse
  postgresql-15 mariadb-server python3-psycopg2 python3-pymysql pkg-config
  # the tools integrations/ is tested with: pre-commit, the editors' parsers
  # of sqlrace's output (node for the VS Code matcher's regexes, vim, emacs)
  git pre-commit nodejs vim emacs-nox
  # YAML for the CI template tests (node, above, also runs the SARIF validator)
  python3-yaml
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Debian's nodejs comes without npm, NodeSource's has it built in.
if ! command -v npm >/dev/null; then
  missing+=(npm)
fi

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
