#!/usr/bin/env bash
# The container engine the compose test (test/integration/compose/stack.test.ts) runs
# docker-compose.yml on: rootful podman 4.3 with runc, Debian's docker-compose 1.29 talking to
# podman's Docker-compatible API, and images built locally under the pinned tags (no registry is
# reachable here):
#   - a Debian bookworm base from debootstrap (localhost/hookwatch-base:bookworm),
#   - stand-ins for prom/prometheus and prom/alertmanager from Debian's packages of the pinned
#     versions, and for node:20-bookworm-slim from the host's Node 20 (scripts/container-engine/).
# Idempotent: what the machine already has is kept, so a second run takes a few seconds. An image
# that exists without our stand-in label (a real one, pulled) is used as it is.
#
# --check: only whether an engine can be set up here. --no-hookwatch: leave hookwatch:local alone.
# Exit 0: ready. Exit 3: no engine can be set up here (not root, no apt-get), with one line on
# stderr saying why. Anything else: a failure. Every podman call uses CONTAINERS_CONF (below).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
conf_dir="$here/container-engine"
export CONTAINERS_CONF="$conf_dir/containers.conf"
log() { echo "ensure-container-engine: $*" >&2; }
cannot() { log "no container engine here: $*"; exit 3; }

[ "$(uname -s)" = Linux ] || cannot "not Linux"
[ "$(id -u)" = 0 ] || cannot "not root (rootful podman and apt-get are needed)"
command -v apt-get >/dev/null || cannot "no apt-get (the engine comes from Debian's podman, runc, docker-compose)"
[ "${1:-}" != --check ] || exit 0

# Image builds use the host's network (--network host: the Debian archive and npm, with the host's
# resolver), so they need no NAT; should anything still turn on IPv4 forwarding, it is put back.
forward=$(cat /proc/sys/net/ipv4/ip_forward)
restore_forward() { [ "$(cat /proc/sys/net/ipv4/ip_forward)" = "$forward" ] || echo "$forward" >/proc/sys/net/ipv4/ip_forward; }
cleanup=()
on_exit() { for c in "${cleanup[@]}"; do rm -rf "$c"; done; restore_forward; }
trap on_exit EXIT

# One preparation at a time on this machine (two test runs side by side).
exec 9>/tmp/hookwatch-container-engine.lock
flock -x -w 900 9 || { log "could not take /tmp/hookwatch-container-engine.lock within 900 s"; exit 1; }

# netavark and aardvark-dns are only recommended by podman, but without them the compose network
# has no DNS and services cannot find each other by name.
packages=(podman runc netavark aardvark-dns slirp4netns fuse-overlayfs uidmap debootstrap docker-compose)
missing=()
for p in "${packages[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi

# A label on every image built here: the hash of what it is built from, so a changed Dockerfile
# (or a new host Node) rebuilds it and an unchanged one is reused.
label_of() { podman image inspect --format '{{ index .Labels "org.hookwatch.standin" }}' "$1" 2>/dev/null || true; }

base=localhost/hookwatch-base:bookworm
mirror=http://deb.debian.org/debian
if ! podman image exists "$base"; then
  log "building $base with debootstrap (about 80 s)"
  rootfs=$(mktemp -d /var/tmp/hookwatch-rootfs.XXXXXX)
  cleanup+=("$rootfs")
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
  cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import -q - "$base" >/dev/null
fi

# build TAG DIR [context files...]: the stand-in in scripts/container-engine/DIR.
build() {
  local tag=$1 dir=$2 ctx hash current
  ctx=$(mktemp -d /var/tmp/hookwatch-ctx.XXXXXX)
  cleanup+=("$ctx")
  cp "$conf_dir/$dir/Dockerfile" "$ctx/"
  if [ "$dir" = node ]; then
    local node npm
    node=$(readlink -f "$(command -v node)")
    npm=$(cd "$(dirname "$node")/../lib/node_modules/npm" && pwd)
    cp "$node" "$ctx/node"
    cp -r "$npm" "$ctx/npm"
    cp /etc/ssl/certs/ca-certificates.crt "$ctx/"
    hash=$( (cat "$ctx/Dockerfile"; "$node" --version; cat "$npm/package.json" "$ctx/ca-certificates.crt") | sha256sum | cut -c1-16)
  else
    hash=$(sha256sum <"$ctx/Dockerfile" | cut -c1-16)
  fi
  current=$(label_of "$tag")
  if podman image exists "$tag" && { [ "$current" = "$hash" ] || [ -z "$current" ]; }; then return; fi
  log "building the stand-in $tag"
  podman build -q --network host --build-arg "BASE=$base" --label "org.hookwatch.standin=$hash" -t "$tag" "$ctx" >/dev/null
}

# The tags docker-compose.yml and the Dockerfile pin. Through the compat API podman completes
# short names to docker.io, so the images are tagged docker.io/...
image_of() { sed -n "s|^ *image: *\($1:[^ ]*\).*|\1|p" "$root/docker-compose.yml" | head -n1; }
node_base=$(sed -n 's/^FROM \(node:[^ ]*\).*/\1/p' "$root/Dockerfile" | head -n1)
prom=$(image_of prom/prometheus)
am=$(image_of prom/alertmanager)
[ -n "$prom" ] && [ -n "$am" ] && [ -n "$node_base" ] || { log "could not read the pinned image tags from docker-compose.yml and Dockerfile"; exit 1; }
build "docker.io/$prom" prometheus
build "docker.io/$am" alertmanager
build "docker.io/library/$node_base" node

# hookwatch:local from this checkout's Dockerfile, as `docker compose up --build` would build it.
# Layers are cached, so an unchanged tree takes seconds; `--format docker` keeps its HEALTHCHECK
# (the OCI format has none).
if [ "${1:-}" != --no-hookwatch ]; then
  hookwatch=$(image_of hookwatch)
  [ -n "$hookwatch" ] || { log "could not read the hookwatch image tag from docker-compose.yml"; exit 1; }
  out=$(mktemp /var/tmp/hookwatch-build.XXXXXX)
  cleanup+=("$out")
  podman build -q --network host --format docker -t "docker.io/library/$hookwatch" "$root" >"$out" 2>&1 \
    || { cat "$out" >&2; log "building docker.io/library/$hookwatch from $root/Dockerfile failed"; exit 1; }
fi
