#!/usr/bin/env bash
# Fetches Debian's builds of Prometheus 2.42 (promtool), Alertmanager 0.25
# (amtool), blackbox_exporter 0.23 and mtail into .tools/ without installing
# or starting any service: `apt-get download` + `dpkg -x`. Idempotent.
# Usage: scripts/fetch-prometheus-tools.sh [--check]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
bin="$tools/bin"
pkgs=(prometheus prometheus-alertmanager prometheus-blackbox-exporter mtail)
want=(prometheus promtool prometheus-alertmanager amtool prometheus-blackbox-exporter mtail)

# Debian's alertmanager reads its default notification templates from this
# absolute path (a Debian patch); the files come from the same package.
am_templates=/usr/share/prometheus/alertmanager

have_all() {
  for b in "${want[@]}"; do [ -x "$bin/$b" ] || return 1; done
  [ -f "$am_templates/default.tmpl" ] || return 1
}

if have_all; then
  [ "${1:-}" = "--check" ] && echo "tools present in $bin"
  exit 0
fi
[ "${1:-}" = "--check" ] && { echo "tools missing in $bin: run npm run tools" >&2; exit 1; }

mkdir -p "$tools/debs" "$tools/root" "$bin"
cd "$tools/debs"
download() { apt-get download "${pkgs[@]}" >/dev/null; }
if ! ls ./prometheus_*.deb ./prometheus-alertmanager_*.deb ./prometheus-blackbox-exporter_*.deb ./mtail_*.deb >/dev/null 2>&1; then
  if ! download 2>/dev/null; then
    # A fresh machine has no package lists yet.
    apt-get update -qq >/dev/null
    download
  fi
fi
for deb in ./*.deb; do dpkg -x "$deb" "$tools/root"; done
if [ ! -f "$am_templates/default.tmpl" ]; then
  mkdir -p "$am_templates"
  cp "$tools/root$am_templates/default.tmpl" "$tools/root$am_templates/email.tmpl" "$am_templates/"
fi
for b in prometheus promtool prometheus-alertmanager amtool prometheus-blackbox-exporter mtail; do
  ln -sf "$tools/root/usr/bin/$b" "$bin/$b"
done
have_all || { echo "fetch-prometheus-tools: some binaries are missing in $bin" >&2; exit 1; }
"$bin/promtool" --version 2>&1 | head -n 1
"$bin/amtool" --version 2>&1 | head -n 1
