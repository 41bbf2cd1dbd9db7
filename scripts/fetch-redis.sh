#!/usr/bin/env bash
# Fetches Debian's redis-server 7.0 (the binary is in redis-tools, with
# redis-cli) and the two libraries it links that a slim Debian lacks
# (libjemalloc2, liblzf1) into .tools/redis/, without installing or starting
# any service: `apt-get download` + `dpkg -x`. The receiver library's Redis
# store is tested against it. Additive (it writes only .tools/redis/ and the
# .tools/bin/redis-server and redis-cli wrappers) and idempotent: .tools is
# shared by every checkout of this machine.
# Usage: scripts/fetch-redis.sh [--check]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
dir="$tools/redis"
bin="$tools/bin"
pkgs=(redis-server redis-tools libjemalloc2 liblzf1)
me=fetch-redis

have_all() { [ -x "$bin/redis-server" ] && [ -x "$bin/redis-cli" ] && "$bin/redis-server" --version >/dev/null 2>&1; }
version() { "$bin/redis-server" --version | sed -n 's/.* v=\([^ ]*\).*/\1/p'; }

if have_all; then
  [ "${1:-}" = "--check" ] && { echo "redis-server present in $bin"; exit 0; }
  echo "$me: redis-server $(version): already present in $bin"
  exit 0
fi
[ "${1:-}" = "--check" ] && { echo "redis-server missing in $bin: run bash scripts/fetch-redis.sh" >&2; exit 1; }

mkdir -p "$dir/debs" "$dir/root" "$bin"
cd "$dir/debs"
if ls ./redis-tools_*.deb ./libjemalloc2_*.deb ./liblzf1_*.deb >/dev/null 2>&1; then
  echo "$me: using the packages already in $dir/debs"
else
  download() { apt-get download "${pkgs[@]}" >/dev/null 2>&1; }
  if ! download; then
    echo "$me: apt-get update (no package lists yet)"
    apt-get update -qq >/dev/null
    download
  fi
  echo "$me: downloaded ${pkgs[*]} to $dir/debs (apt-get download)"
fi
for deb in ./*.deb; do dpkg -x "$deb" "$dir/root"; done
# Wrappers, not symlinks: the libraries come from the extracted tree, found
# from the wrapper's own place so they work from every checkout sharing .tools.
# (redis-server is the package's symlink to redis-check-rdb: the name picks the mode.)
for name in redis-server redis-cli; do
  cat > "$bin/$name.tmp" <<WRAPPER
#!/bin/sh
r="\$(dirname "\$(readlink -f "\$0")")/../redis/root"
LD_LIBRARY_PATH="\$r/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "\$r/usr/bin/$name" "\$@"
WRAPPER
  chmod +x "$bin/$name.tmp"
  mv "$bin/$name.tmp" "$bin/$name"
done
have_all || { echo "$me: $bin/redis-server does not run" >&2; exit 1; }
echo "$me: redis-server $(version): installed in $bin (from $(ls ./redis-tools_*.deb | head -n 1 | sed 's|^\./||'))"
