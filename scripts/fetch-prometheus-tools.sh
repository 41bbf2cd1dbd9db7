#!/usr/bin/env bash
# Fetches Debian's builds of Prometheus 2.42 (promtool), Alertmanager 0.25
# (amtool), blackbox_exporter 0.23, mtail and VictoriaMetrics 1.79
# (victoria-metrics, vmagent, vmalert, vmauth) into .tools/ without installing
# or starting any service: `apt-get download` + `dpkg -x`. Idempotent, and
# says what it did: one line per tool with its version, installed or
# already present. Additive: .tools/ is shared by every worktree, so a package
# whose .deb is already in .tools/debs is not downloaded again, and only the
# missing ones are.
# Usage: scripts/fetch-prometheus-tools.sh [--check]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
bin="$tools/bin"
pkgs=(prometheus prometheus-alertmanager prometheus-blackbox-exporter mtail victoria-metrics)
want=(prometheus promtool prometheus-alertmanager amtool prometheus-blackbox-exporter mtail victoria-metrics vmagent vmalert vmauth)
me=fetch-prometheus-tools

# Debian's alertmanager reads its default notification templates from this
# absolute path (a Debian patch); the files come from the same package.
# HOOKWATCH_AM_TEMPLATES moves it for the script's own test only.
am_templates=${HOOKWATCH_AM_TEMPLATES:-/usr/share/prometheus/alertmanager}

have_all() {
  for b in "${want[@]}"; do [ -x "$bin/$b" ] || return 1; done
  [ -f "$am_templates/default.tmpl" ] || return 1
}

# The Debian package a tool comes from.
package_of() {
  case "$1" in
    prometheus | promtool) echo prometheus ;;
    prometheus-alertmanager | amtool) echo prometheus-alertmanager ;;
    victoria-metrics | vmagent | vmalert | vmauth) echo victoria-metrics ;;
    *) echo "$1" ;;
  esac
}

# `promtool 2.42.0+ds: <what>`, the version as the tool reports it.
# Debian's VictoriaMetrics binaries print an empty `-version`, so theirs is
# the package's upstream version, read from the .deb's name.
report() {
  local v
  case "$(package_of "$1")" in
    victoria-metrics) v=$(ls "$tools/debs"/victoria-metrics_*.deb 2>/dev/null | head -n 1 | sed -n 's|.*/victoria-metrics_\([0-9.]*\).*|\1|p' || true) ;;
    *) v=$("$bin/$1" --version 2>&1 | sed -n '1s/^[^ ]* version \([^ ]*\).*/\1/p' || true) ;;
  esac
  echo "$me: $1 ${v:-(version unknown)}: $2"
}

if have_all; then
  if [ "${1:-}" = "--check" ]; then echo "tools present in $bin"; exit 0; fi
  for b in "${want[@]}"; do report "$b" "already present in $bin"; done
  exit 0
fi
[ "${1:-}" = "--check" ] && { echo "tools missing in $bin: run npm run tools" >&2; exit 1; }

mkdir -p "$tools/debs" "$tools/root" "$bin"
cd "$tools/debs"
missing=()
for p in "${pkgs[@]}"; do ls ./"$p"_*.deb >/dev/null 2>&1 || missing+=("$p"); done
download() { apt-get download "${missing[@]}" >/dev/null; }
if [ ${#missing[@]} -eq 0 ]; then
  echo "$me: using the packages already in $tools/debs"
else
  if ! download 2>/dev/null; then
    # A fresh machine has no package lists yet.
    echo "$me: apt-get update (no package lists yet)"
    apt-get update -qq >/dev/null
    download
  fi
  echo "$me: downloaded ${missing[*]} to $tools/debs (apt-get download)"
fi
# Unpack only the packages with a binary missing, so binaries that other
# worktrees' tests are running are never rewritten.
for p in "${pkgs[@]}"; do
  need=0
  for b in "${want[@]}"; do
    [ "$(package_of "$b")" = "$p" ] && [ ! -x "$tools/root/usr/bin/$b" ] && need=1
  done
  [ "$need" = 1 ] || continue
  deb=$(ls ./"$p"_*.deb | head -n 1)
  dpkg -x "$deb" "$tools/root"
done
if [ ! -f "$am_templates/default.tmpl" ]; then
  mkdir -p "$am_templates"
  cp "$tools/root/usr/share/prometheus/alertmanager/default.tmpl" "$tools/root/usr/share/prometheus/alertmanager/email.tmpl" "$am_templates/"
  echo "$me: copied Alertmanager's default templates to $am_templates"
fi
for b in "${want[@]}"; do
  # Relative, so the links stay right whichever worktree (or path through the
  # shared .tools symlink) ran the script.
  ln -sfn "../root/usr/bin/$b" "$bin/$b"
done
have_all || { echo "$me: some binaries are missing in $bin" >&2; exit 1; }
for b in "${want[@]}"; do
  deb=$(ls ./"$(package_of "$b")"_*.deb 2>/dev/null | head -n 1)
  report "$b" "installed in $bin (from ${deb#./})"
done
