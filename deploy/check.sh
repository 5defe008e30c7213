#!/usr/bin/env bash
# Verify the deployment files by using them (not part of CI: needs root, podman and minutes).
#
#   bash .ci/run && sudo bash deploy/check.sh            (from the repository root)
#
# 1. deploy/constraints.txt matches the environment the tests passed in (.venv).
# 2. The systemd unit: `systemd-analyze security` exposure at most 2.0, and, installed as its
#    header says (user vacbot, /opt/vacbot with a venv, /etc/vacbot/vacbot.env), `systemd-analyze
#    verify` passes. Skipped if /opt/vacbot or /etc/systemd/system/vacbot.service already exist;
#    what it installs is removed again. Running the unit needs systemd as PID 1 (not checked
#    when it is not).
# 3. The image: a timed `podman build --no-cache` (docker format, so HEALTHCHECK is kept), then
#    ../shared/tools/container-check.sh (stand-in base, smoke test), then
#    deploy/check_container.py: the container against the Bot API stand-in, hardened as in
#    compose.yaml, answering a question, healthy, refusing a bad /data; following a website
#    repository (VACBOT_PAGES_GIT: cloned into /data, a push answered with no /reload, a
#    broken push told to the admin, the clone kept across a restart); and compose.yaml itself
#    under podman-compose (installed from PyPI into $work if missing or older than 1.1).
#
# The base image is a stand-in (no registry is reachable here): Debian bookworm + its python3,
# made by container-check.sh. Sizes below are for that base; the bot's own layers are the same.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${CONTAINER_CHECK_DIR:-/tmp/container-check}
mkdir -p "$work"
fail=0
step() { echo; echo "== $*"; }

step "constraints"
bash deploy/refresh-constraints.sh --check || fail=1

step "systemd unit"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze security --offline=true --threshold=20 deploy/vacbot.service | tail -1 \
    || { echo "FAIL: exposure above 2.0"; fail=1; }
  if [ -e /opt/vacbot ] || [ -e /etc/systemd/system/vacbot.service ] || [ -e /etc/vacbot ]; then
    echo "skip verify: /opt/vacbot, /etc/vacbot or the unit exists already (not touching them)"
  else
    made_user=0
    id vacbot >/dev/null 2>&1 \
      || { useradd --system --home /var/lib/vacbot --shell /usr/sbin/nologin vacbot; made_user=1; }
    cleanup_systemd() {
      rm -rf /opt/vacbot /etc/vacbot /etc/systemd/system/vacbot.service
      [ "$made_user" = 1 ] && userdel vacbot || true
    }
    trap cleanup_systemd EXIT
    # The header's steps, with this checkout (committed or not) in place of `git clone`.
    mkdir -p /opt/vacbot
    git ls-files -co --exclude-standard -z | tar --null -T - -c | tar -x -C /opt/vacbot
    py=$(command -v /usr/bin/python3.11 || command -v python3.11)
    (cd /opt/vacbot && "$py" -m venv .venv \
      && .venv/bin/pip install -q -c deploy/constraints.txt . >"$work/systemd-pip.log" 2>&1)
    install -d -m 750 /etc/vacbot && install -m 640 -g vacbot deploy/.env.example /etc/vacbot/vacbot.env
    cp deploy/vacbot.service /etc/systemd/system/
    if systemd-analyze verify /etc/systemd/system/vacbot.service; then
      echo "ok   systemd-analyze verify /etc/systemd/system/vacbot.service (installed as the header says)"
    else
      echo "FAIL systemd-analyze verify"; fail=1
    fi
    if runuser -u vacbot -- env VACBOT_DB=/var/lib/vacbot/vacbot.db \
        /opt/vacbot/.venv/bin/vacbot health; then
      echo "FAIL vacbot health says healthy without a running bot"; fail=1
    else
      echo "ok   vacbot health (as user vacbot, no bot running): exit 1"
    fi
    cleanup_systemd; trap - EXIT
  fi
  [ -d /run/systemd/system ] || echo "note: PID 1 is $(ps -p 1 -o comm=), not systemd: the unit was not started"
else
  echo "skip: no systemd-analyze (apt-get install systemd)"
fi

step "image build (podman, --no-cache, docker format)"
BUILDAH_FORMAT=docker bash ../shared/tools/container-check.sh >"$work/container-check.out" 2>&1 \
  || { cat "$work/container-check.out"; echo "FAIL container-check.sh"; exit 1; }
export CONTAINERS_CONF="$work/containers.conf"   # written by container-check.sh
ca=/etc/ssl/certs/ca-certificates.crt
start=$(date +%s)
podman build --pull=never --no-cache --format docker -v "$ca:$ca:ro" -f deploy/Dockerfile \
  -t vacbot-check . >"$work/build-nocache.log" 2>&1 \
  || { tail -20 "$work/build-nocache.log"; echo "FAIL podman build"; exit 1; }
took=$(( $(date +%s) - start ))
base=$(awk 'toupper($1)=="FROM"{print $2; exit}' deploy/Dockerfile)
size=$(podman image inspect vacbot-check --format '{{.Size}}')
base_size=$(podman image inspect "docker.io/library/$base" --format '{{.Size}}')
echo "build without cache: ${took} s; image $((size / 1000000)) MB = stand-in base" \
  "$((base_size / 1000000)) MB + vacbot's layers $(((size - base_size) / 1000000)) MB"
podman history vacbot-check --format '{{.Size}}	{{.CreatedBy}}' | awk -F'\t' '$1 != "0 B"' \
  | head -4 | cut -c1-110
echo "(container-check.sh, same Dockerfile:)"; grep -E '^(user=|exit |container-check)' "$work/container-check.out"

step "the container against the Bot API stand-in"
compose=$work/podman-compose/bin/podman-compose
if ! "$compose" version >/dev/null 2>&1; then
  python3 -m venv "$work/podman-compose" && "$work/podman-compose/bin/pip" install -q podman-compose
fi
.venv/bin/python deploy/check_container.py --image vacbot-check --compose "$compose" || fail=1

echo
[ "$fail" = 0 ] && echo "deploy/check.sh: all passed" || echo "deploy/check.sh: FAILED"
exit "$fail"
