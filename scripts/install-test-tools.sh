#!/usr/bin/env bash
# Installs, from Debian's packages, what `npm test` needs beyond `npm install`: Chromium for the
# browser tests, Java for the W3C Nu Html Checker, xmllint for the sitemap schemas and Python's
# feedparser. Needs root (or sudo); installs only what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 || missing+=(python3-feedparser)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
chromium --version
java -version 2>&1 | sed -n 1p
xmllint --version 2>&1 | sed -n 1p
/usr/bin/python3 -c 'import feedparser; print("feedparser", feedparser.__version__)'
