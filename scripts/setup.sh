#!/usr/bin/env bash
# Set up everything tei-edition needs on a Debian 12 machine with Python 3.11:
#   1. Debian packages (needs root; skipped with a message otherwise),
#   2. the project itself, editable, with its test extras: python3 -m pip install -e ".[test]".
# Idempotent: packages already installed are not fetched again, and pip only brings what is missing.
# Never prompts (DEBIAN_FRONTEND=noninteractive, pip --no-input).
set -euo pipefail

cd "$(dirname "$0")/.."

# What each Debian package is for:
#   libpango-1.0-0 libpangoft2-1.0-0  text layout for WeasyPrint (the PDF writer)
#   libharfbuzz0b libharfbuzz-subset0 shaping, and font subsetting so the PDF embeds only the glyphs used
#   fontconfig                         font discovery for Pango (fc-list, fc-match)
#   fonts-linuxlibertine               the edition's serif: Linux Libertine O (regular, italic, bold,
#                                      bold italic, OpenType small caps, old-style figures; Latin,
#                                      Greek, Cyrillic) with Linux Biolinum O as its companion sans
#   fonts-dejavu-core                  fallback for any character Libertine lacks
#   jing default-jre-headless          RELAX NG validation against TEI P5 tei_all.rng (jing is Java)
#   poppler-utils                      pdffonts / pdfinfo / pdftoppm, to check the PDFs
#   biber texlive-binaries texlive-base  biber --validate-datamodel, and bibtex with its standard
#                                      styles (plain.bst): the BibTeX files must pass both (the
#                                      contract); the tests run them
#   make                               the README's commands are make targets
APT_PACKAGES=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig
  fonts-linuxlibertine fonts-dejavu-core
  jing default-jre-headless
  poppler-utils
  biber texlive-binaries texlive-base
  make
)

say() { printf 'setup: %s\n' "$*"; }

missing_packages() {
  local p status
  for p in "${APT_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || printf '%s\n' "$p"
  done
}

install_debian_packages() {
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    say "no apt-get here: skipping Debian packages. Install by hand: ${APT_PACKAGES[*]}"
    return 0
  fi
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  if [ -z "${missing// /}" ]; then
    say "Debian packages already installed: ${APT_PACKAGES[*]}"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    say "not root: skipping Debian packages. Missing: $missing"
    say "as root, run: apt-get update && apt-get install -y --no-install-recommends $missing"
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  say "apt-get update"
  apt-get update
  say "apt-get install: $missing"
  # shellcheck disable=SC2086  # word splitting of the package list is intended
  apt-get install -y --no-install-recommends $missing
  if command -v fc-cache >/dev/null 2>&1; then
    fc-cache -f >/dev/null 2>&1 || true
  fi
}

install_python_package() {
  local py=python3
  if ! command -v "$py" >/dev/null 2>&1; then
    say "python3 is not on PATH; tei-edition needs Python >= 3.11" >&2
    return 1
  fi
  if ! "$py" -m pip --version >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "pip is missing for $(command -v "$py"): installing python3-pip"
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-pip
    else
      say "pip is missing for $(command -v "$py") and cannot be installed here" >&2
      return 1
    fi
  fi
  local extra=()
  # Debian's own python3 refuses pip installs outside a virtual environment (PEP 668).
  local stdlib
  stdlib=$("$py" -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')
  if [ -f "$stdlib/EXTERNALLY-MANAGED" ] && [ -z "${VIRTUAL_ENV:-}" ]; then
    say "$(command -v "$py") is marked externally managed: installing with --break-system-packages"
    extra+=(--break-system-packages)
  fi
  say "$("$py" --version) at $(command -v "$py"): pip install -e .[test]"
  "$py" -m pip install --no-input --disable-pip-version-check "${extra[@]}" -e ".[test]"
  # An editable install compiles nothing, and where PYTHONDONTWRITEBYTECODE is set (many CI and
  # container images) no process writes the bytecode cache either: every tei-edition process,
  # and every build worker, would compile the package again (0.12 s of a 0.25 s import). A
  # regular pip install compiles at install time; this does the same for the checkout.
  say "compiling the package's bytecode"
  "$py" -m compileall -q tei_edition
  # pyenv only sees new console scripts (tei-edition) after a rehash.
  if command -v pyenv >/dev/null 2>&1; then
    pyenv rehash || true
  fi
}

install_debian_packages
install_python_package

if command -v tei-edition >/dev/null 2>&1; then
  say "tei-edition is at $(command -v tei-edition)"
else
  say "warning: tei-edition is not on PATH after the install" >&2
fi
if command -v jing >/dev/null 2>&1; then
  say "jing is at $(command -v jing)"
else
  say "warning: jing is not installed; TEI validation against tei_all.rng will be unavailable" >&2
fi
say "done"
