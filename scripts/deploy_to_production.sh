#!/usr/bin/env bash
# Deploys a release of Enreach Tools to a target: user@host:/path over SSH, or a local /path. See docs/deployment.md.
#
#   scripts/deploy_to_production.sh [options] TARGET
#
# In order, stopping at the first failure:
#   1. pre-checks: the test suite passes (unless --skip-tests), the release builds (unless --release), the tar.gz is a
#      distribution, the target has Java, rsync and enough disk, and this release's migrations validate against a
#      consistent copy of the production database (Flyway validate/info, the release's own 'enreach db info');
#   2. the release is copied with rsync into BASE/releases/<id> (data/, etc/, log/ and keys/ are links to BASE/shared):
#      production is not touched yet, so this happens before the stop and shortens the downtime;
#   3. sync runs in progress are drained (then cancelled cleanly by the stop), the service stops, and a consistent
#      backup of the database and etc/ is written to BASE/backups (kept: --keep-backups);
#   4. the new release migrates the database;
#   5. current -> the new release, service started (systemctl when the unit exists there, else a process of its own);
#   6. health check: /api/health answers ready with the new release's id within --health-timeout;
#   7. on any failure after the stop: rollback — the new release stopped, the database and etc/ restored from the
#      backup, current -> the previous release, started and health-checked — and exit 1 saying what failed.
# Exit codes: 0 deployed; 1 failed (rolled back, or nothing changed); 2 usage; 3 the rollback failed too (act now).
set -euo pipefail

SCRIPTS=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$SCRIPTS")
TARGET_SCRIPT="$SCRIPTS/enreach-target.sh"

release=""; skip_tests=0; port=8080; health_timeout=180; drain_timeout=120; keep_backups=5; keep_releases=3
service=enreach; ssh_opts=""; rsync_path=""

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
  cat <<'USAGE'
Options:
  --release FILE          deploy this distribution tar.gz (default: build it: mvn install -DskipTests)
  --skip-tests            do not run the test suite first (explicit: a deployment runs it by default)
  --port PORT             the platform's HTTP port on the target (default 8080)
  --health-timeout SEC    how long the new release has to answer healthy (default 180; a rollback waits at
                          least 180 s for the previous release)
  --drain-timeout SEC     how long to wait for sync runs in progress before stopping (default 120)
  --keep-backups N        backups kept in BASE/backups (default 5)
  --keep-releases N       releases kept in BASE/releases (default 3)
  --service NAME          the systemd unit, when systemctl knows it on the target (default enreach)
  --ssh-opts "OPTS"       extra ssh options, e.g. "-i ~/.ssh/deploy -p 2222"
  --rsync-path CMD        the rsync program on the remote side
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --release) release=${2:?--release needs a file}; shift 2 ;;
    --skip-tests) skip_tests=1; shift ;;
    --port) port=${2:?}; shift 2 ;;
    --health-timeout) health_timeout=${2:?}; shift 2 ;;
    --drain-timeout) drain_timeout=${2:?}; shift 2 ;;
    --keep-backups) keep_backups=${2:?}; shift 2 ;;
    --keep-releases) keep_releases=${2:?}; shift 2 ;;
    --service) service=${2:?}; shift 2 ;;
    --ssh-opts) ssh_opts=${2?}; shift 2 ;;
    --rsync-path) rsync_path=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "deploy: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "deploy: name one TARGET: user@host:/path or /path (see --help)" >&2; exit 2; }
TARGET=$1
for n in "$port" "$health_timeout" "$drain_timeout" "$keep_backups" "$keep_releases"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "deploy: '$n' is not a number" >&2; exit 2; }
done
[ "$keep_releases" -ge 2 ] || { echo "deploy: --keep-releases must be at least 2 (the previous release is the rollback)" >&2; exit 2; }

if [[ "$TARGET" =~ ^([^/:]+):(/.*)$ ]]; then
  HOST=${BASH_REMATCH[1]}; BASE=${BASH_REMATCH[2]}
elif [[ "$TARGET" == /* ]]; then
  HOST=""; BASE=$TARGET
else
  echo "deploy: TARGET must be user@host:/absolute/path or /absolute/path, got '$TARGET'" >&2; exit 2
fi
BASE=${BASE%/}

started=$(date +%s)
log() { printf '[deploy %3ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
on_target() { # ACTION ARGS...: the target side (scripts/enreach-target.sh) on the target
  if [ -n "$HOST" ]; then
    # shellcheck disable=SC2086
    ssh -o BatchMode=yes $ssh_opts "$HOST" bash -s -- "$(printf '%q ' "$@")" < "$TARGET_SCRIPT"
  else
    bash "$TARGET_SCRIPT" "$@"
  fi
}
value() { sed -n "s/^$1=//p" | tail -n 1; }

stage=$(mktemp -d)
locked=0
cleanup() {
  rm -rf "$stage"
  if [ "$locked" = 1 ]; then on_target unlock "$BASE" || true; fi
}
trap cleanup EXIT

fail_before_stop() { # STEP REASON
  log "FAILED at step $1: $2"
  # a copy that failed half-way leaves a partial release directory: remove it (best effort: the target may be unreachable)
  if [ "$1" = 2 ] && [ -n "${id:-}" ]; then
    on_target discard "$BASE" "$id" >/dev/null 2>&1 || true
  fi
  log "nothing else on the target was changed; the running release (if any) runs on"
  exit 1
}

# ---------------------------------------------------------------- 1. pre-checks
log "1/7 pre-checks"
if [ -z "$release" ]; then
  if [ "$skip_tests" = 0 ]; then
    log "running the test suite (mvn -B verify; --skip-tests to skip)"
    (cd "$REPO" && mvn -B -q verify) || fail_before_stop 1 "the test suite failed"
  fi
  log "building the release (mvn -B -q install -DskipTests)"
  (cd "$REPO" && mvn -B -q install -DskipTests) || fail_before_stop 1 "the release does not build"
  release=$(ls -1 "$REPO"/bundles-dist/target/enreach-*.tar.gz 2>/dev/null | grep -v dist.tar.gz | head -n 1 || true)
  [ -n "$release" ] || fail_before_stop 1 "the build left no bundles-dist/target/enreach-*.tar.gz"
elif [ "$skip_tests" = 0 ]; then
  log "running the test suite (mvn -B verify; --skip-tests to skip)"
  (cd "$REPO" && mvn -B -q verify) || fail_before_stop 1 "the test suite failed"
fi
[ -f "$release" ] || fail_before_stop 1 "no release file $release"
tar -xzf "$release" -C "$stage" || fail_before_stop 1 "$release is not a readable tar.gz"
R="$stage/enreach"
[ -x "$R/bin/enreach" ] && ls "$R"/system/com.enreach.tools.core-*.jar >/dev/null 2>&1 \
  || fail_before_stop 1 "$release is not an Enreach Tools distribution (no enreach/bin/enreach or core bundle)"
version=$(ls "$R"/system/com.enreach.tools.core-*.jar | sed 's/.*com\.enreach\.tools\.core-\(.*\)\.jar/\1/')
id="$(date -u +%Y%m%dT%H%M%SZ)-$version"
# The release directory: what the tar.gz ships, its configuration as etc.shipped, links to the shared folders.
printf 'id=%s\nversion=%s\nsha256=%s\n' "$id" "$version" "$(sha256sum "$release" | cut -d' ' -f1)" > "$R/RELEASE"
mv "$R/etc" "$R/etc.shipped"
rm -rf "$R/data" "$R/log" "$R/keys" "$R/backups"
for d in data etc log keys; do ln -s "../../shared/$d" "$R/$d"; done
ln -s "../../backups" "$R/backups"

on_target prepare "$BASE" || fail_before_stop 1 "cannot prepare $BASE on the target"
probe=$(on_target probe "$BASE") || fail_before_stop 1 "cannot probe the target"
previous=$(printf '%s\n' "$probe" | value current)
[ -n "$(printf '%s\n' "$probe" | value java)" ] || fail_before_stop 1 "no java on the target's PATH"
command -v rsync >/dev/null || fail_before_stop 1 "no rsync here"
if [ -n "$HOST" ] && [ -z "$(printf '%s\n' "$probe" | value rsync)" ] && [ -z "$rsync_path" ]; then
  fail_before_stop 1 "no rsync on the target"
fi
free_kb=$(printf '%s\n' "$probe" | value free_kb)
db_bytes=$(printf '%s\n' "$probe" | value db_bytes)
need_kb=$(( $(du -sk "$R" | cut -f1) * 2 + db_bytes / 1024 * 2 + 100 * 1024 ))
[ "$free_kb" -ge "$need_kb" ] || fail_before_stop 1 "not enough disk on the target: ${free_kb} KiB free, ${need_kb} KiB needed (release, backup, migration)"
on_target lock "$BASE" || fail_before_stop 1 "cannot take the deployment lock"
locked=1
if [ -n "$previous" ] && [ "$db_bytes" -gt 0 ]; then
  copy="/tmp/enreach-precheck-$id.db"
  on_target snapshot "$BASE" "$copy" >/dev/null || fail_before_stop 1 "cannot take a consistent copy of the production database"
  if [ -n "$HOST" ]; then
    # shellcheck disable=SC2086
    scp -q -o BatchMode=yes $(printf '%s' "$ssh_opts" | sed 's/-p \([0-9]*\)/-P \1/') "$HOST:$copy" "$stage/precheck.db" \
      || fail_before_stop 1 "cannot fetch the copy of the production database"
    ssh -o BatchMode=yes $ssh_opts "$HOST" rm -f "$copy" || true
  else
    mv "$copy" "$stage/precheck.db"
  fi
  check=$(ENREACH_HOME="$R" "$R/bin/enreach" db info --file "$stage/precheck.db" 2>&1) \
    || fail_before_stop 1 "the migrations of $version do not validate against the production database: $check"
  log "migrations: $(printf '%s' "$check" | head -n 1 | sed 's/^[^:]*: //')"
  rm -f "$stage/precheck.db"
fi
log "pre-checks passed: release $id, previous ${previous:-none}"

# ---------------------------------------------------------------- 2. copy the release
log "2/7 copying the release into $BASE/releases/$id"
rsync_cmd=(rsync -a --delete)
[ -n "$rsync_path" ] && rsync_cmd+=(--rsync-path="$rsync_path")
if [ -n "$HOST" ]; then
  "${rsync_cmd[@]}" -e "ssh -o BatchMode=yes $ssh_opts" "$R/" "$HOST:$BASE/releases/$id/" || fail_before_stop 2 "rsync to $HOST failed"
else
  "${rsync_cmd[@]}" "$R/" "$BASE/releases/$id/" || fail_before_stop 2 "rsync to $BASE failed"
fi
on_target seed "$BASE" "$id" || fail_before_stop 2 "cannot add the release's new configuration files"

# ---------------------------------------------------------------- 3..7, with a rollback from here on
backup=""
db_touched=0
rollback() { # STEP REASON
  log "FAILED at step $1: $2"
  log "7/7 rolling back to ${previous:-nothing (first deployment)}"
  local ok=1
  on_target stop "$BASE" "$service" || ok=0
  if [ -n "$previous" ]; then
    if [ "$db_touched" = 1 ] && [ -n "$backup" ]; then
      on_target restore "$BASE" "$previous" "$backup" || ok=0
    fi
    on_target switch "$BASE" "$previous" || ok=0
    on_target start "$BASE" "$service" "$port" || ok=0
    # The previous release ran before: give it the time it needs even when --health-timeout was set short for the
    # new one (a rollback that gives up on a release that is still starting would leave nothing running).
    on_target health "$BASE" "$previous" "$port" "$(( health_timeout > 180 ? health_timeout : 180 ))" "$service" >/dev/null || ok=0
  elif [ "$db_touched" = 1 ] && [ -n "$backup" ]; then
    on_target restore "$BASE" "$id" "$backup" || ok=0
  fi
  if [ "$ok" = 1 ]; then
    local state="nothing runs (there was no previous release)"
    [ -z "$previous" ] || state="release $previous runs and answers healthy"
    log "rolled back: $state${backup:+; database and etc/ from $backup}"
    # The failed release's directory holds nothing of its own (data, etc, log are shared): without this, failed
    # releases, being the newest, would be what --keep-releases keeps.
    if [ -n "$previous" ]; then
      on_target discard "$BASE" "$id" || log "could not remove the failed release directory releases/$id"
    fi
    exit 1
  fi
  log "ROLLBACK FAILED: act now. The backup is $backup; restore it with BASE/releases/<previous>/bin/enreach restore FILE, point BASE/current at the previous release and start it"
  exit 3
}

log "3/7 draining sync runs, stopping the service, backing up"
if [ -n "$previous" ]; then
  on_target drain "$BASE" "$port" "$drain_timeout" || true
fi
on_target stop "$BASE" "$service" || rollback 3 "the service did not stop"
out=$(on_target backup "$BASE" "$keep_backups") || rollback 3 "the backup failed"
backup=$(printf '%s\n' "$out" | value backup)
log "backup: ${backup:-none (no database yet)}"

log "4/7 migrating the database with $id"
db_touched=1
on_target migrate "$BASE" "$id" || rollback 4 "the migration failed"

log "5/7 starting $id"
on_target switch "$BASE" "$id" || rollback 5 "cannot point current at $id"
on_target start "$BASE" "$service" "$port" || rollback 5 "the service did not start"

log "6/7 health check (up to ${health_timeout}s)"
on_target health "$BASE" "$id" "$port" "$health_timeout" "$service" >/dev/null || rollback 6 "the new release did not answer healthy"

on_target prune "$BASE" "$keep_releases" || log "could not remove old releases (the deployment succeeded)"
log "deployed $id to $TARGET in $(( $(date +%s) - started ))s (previous: ${previous:-none}; backup: ${backup:-none})"
