#!/usr/bin/env bash
# Installs the Debian packages Briefing needs outside Python, when they are missing:
# pango + DejaVu fonts for WeasyPrint (PDFs), poppler-utils (pdftotext, for the PDF tests),
# chromium + chromium-driver (the browser tests), npm (installs axe-core for the accessibility test).
set -euo pipefail
missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils chromium chromium-driver; do
  have_pkg "$pkg" || missing+=("$pkg")
done
command -v npm >/dev/null || missing+=(npm)  # any npm will do (Node.js may come from elsewhere than Debian)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "missing Debian packages: ${missing[*]}; install them as root: apt-get install ${missing[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
