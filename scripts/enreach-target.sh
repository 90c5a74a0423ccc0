#!/usr/bin/env bash
# The target side of scripts/deploy_to_production.sh: one action per call, run on the target machine (over SSH as
# 'bash -s -- ACTION BASE ...' fed from this file, or locally with bash). Everything it touches is under BASE:
#
#   BASE/releases/<id>/   one unpacked release each (bin lib system deploy examples RELEASE), whose data, etc, log,
#                         keys and backups are links to the shared folders below
#   BASE/shared/{data,etc,log,keys,run}   what every release shares: the database, configuration, logs, the secret
#                         key file, the service's pid file
#   BASE/backups/         the backups taken before each deployment (enreach-backup-<UTC time>.zip)
#   BASE/current -> releases/<id>   the release that runs
#
# The service is the systemd unit named by SERVICE when systemctl knows it, else a process started here with its pid
# in shared/run/enreach.pid. Output lines 'key=value' are read by the deploy script; messages go to stderr.
set -euo pipefail
umask 077

action=${1:?action}
BASE=${2:?base directory}
shift 2

say() { printf '%s\n' "$*" >&2; }
die() { say "target: $*"; exit 1; }

current_id() { [ -L "$BASE/current" ] && basename "$(readlink "$BASE/current")" || true; }
pidfile() { printf '%s' "$BASE/shared/run/enreach.pid"; }
uses_systemd() { command -v systemctl >/dev/null 2>&1 && systemctl cat "$1" >/dev/null 2>&1; }
running_pid() {
  local p
  p=$(cat "$(pidfile)" 2>/dev/null || true)
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then printf '%s' "$p"; fi
}
cli() { # RELEASE-ID PORT ARGS...: that release's own command line on this base's home (PORT 0: a command without the API)
  local id=$1 port=$2; shift 2
  local with_port=()
  [ "$port" = 0 ] || with_port=(ENREACH_PORT="$port")
  env -u ENREACH_TOKEN ENREACH_HOME="$BASE/releases/$id" "${with_port[@]}" "$BASE/releases/$id/bin/enreach" "$@"
}

case "$action" in
  probe) # what the deploy needs to know about the target
    mkdir -p "$BASE"
    echo "current=$(current_id)"
    echo "java=$(command -v java || true)"
    echo "rsync=$(command -v rsync || true)"
    echo "free_kb=$(df -Pk "$BASE" | awk 'NR==2 {print $4}')"
    db="$BASE/shared/data/enreach.db"
    echo "db_bytes=$( [ -f "$db" ] && stat -c %s "$db" || echo 0)"
    ;;
  lock) # one deployment at a time
    mkdir "$BASE/.deploying" 2>/dev/null || die "another deployment is running on $BASE (or one died: remove $BASE/.deploying)"
    ;;
  unlock)
    rmdir "$BASE/.deploying" 2>/dev/null || true
    ;;
  prepare) # the shared folders, private to the service user
    mkdir -p "$BASE/releases" "$BASE/backups" "$BASE/shared/data" "$BASE/shared/etc" "$BASE/shared/log" "$BASE/shared/keys" "$BASE/shared/run"
    chmod 700 "$BASE/backups" "$BASE/shared/data" "$BASE/shared/etc" "$BASE/shared/keys" "$BASE/shared/run"
    ;;
  seed) # ID: configuration files the release ships and etc/ lacks (never overwrites the operator's)
    id=${1:?release id}
    shipped="$BASE/releases/$id/etc.shipped"
    [ -d "$shipped" ] || die "release $id has no etc.shipped"
    for f in "$shipped"/*; do
      [ -e "$f" ] || continue
      name=$(basename "$f")
      if [ ! -e "$BASE/shared/etc/$name" ]; then
        cp -p "$f" "$BASE/shared/etc/$name"
        say "etc/$name: added from the release"
      elif ! cmp -s "$f" "$BASE/shared/etc/$name"; then
        say "etc/$name: kept yours; the release ships another version in releases/$id/etc.shipped/$name"
      fi
    done
    ;;
  drain) # PORT TIMEOUT: wait for sync runs in progress to end (the stop cancels what is still running, cleanly)
    port=${1:?port}; timeout=${2:?timeout}
    id=$(current_id)
    [ -n "$id" ] || exit 0
    deadline=$(( $(date +%s) + timeout ))
    told=0
    while :; do
      status=$(cli "$id" "$port" --json status 2>/dev/null || true)
      runs=$(printf '%s' "$status" | grep -Eo '"running_run_id" *: *[0-9]+' | grep -Eo '[0-9]+$' | tr '\n' ' ' || true)
      if [ -z "$runs" ]; then
        [ "$told" = 0 ] || say "sync runs drained"
        exit 0
      fi
      if [ "$(date +%s)" -ge "$deadline" ]; then
        say "sync runs still running after ${timeout}s (run ${runs% }): the stop cancels them (what they committed stays, nothing is marked stale)"
        exit 0
      fi
      if [ "$told" = 0 ]; then
        say "waiting up to ${timeout}s for sync runs in progress to end (run ${runs% })"
        told=1
      fi
      sleep 2
    done
    ;;
  stop) # SERVICE: stop the platform (systemd unit, or the process of the pid file)
    service=${1:?service}
    if uses_systemd "$service"; then
      systemctl stop "$service"
      exit 0
    fi
    pid=$(running_pid)
    [ -n "$pid" ] || exit 0
    kill -TERM "$pid"
    for _ in $(seq 1 90); do
      kill -0 "$pid" 2>/dev/null || { rm -f "$(pidfile)"; exit 0; }
      sleep 1
    done
    say "the platform (pid $pid) did not stop within 90 s: killed"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
    rm -f "$(pidfile)"
    ;;
  backup) # KEEP: a consistent backup of the database and etc/ with the running release's own command line
    keep=${1:?keep}
    id=$(current_id)
    [ -f "$BASE/shared/data/enreach.db" ] || { echo "backup="; exit 0; }
    [ -n "$id" ] || die "a database exists but no current release to back it up with"
    out=$(cli "$id" 0 --json backup --to "$BASE/backups" --keep "$keep")
    file=$(printf '%s' "$out" | sed -n 's/^ *"file" *: *"\(.*\)",*$/\1/p')
    [ -n "$file" ] || die "backup gave no file: $out"
    echo "backup=$file"
    ;;
  snapshot) # FILE: a consistent copy of the production database (for the pre-checks)
    file=${1:?file}
    id=$(current_id)
    [ -n "$id" ] && [ -f "$BASE/shared/data/enreach.db" ] || { echo "snapshot="; exit 0; }
    cli "$id" 0 db snapshot --to "$file" >/dev/null
    echo "snapshot=$file"
    ;;
  migrate) # ID: the new release migrates the database (the platform is stopped)
    id=${1:?release id}
    [ -f "$BASE/shared/data/enreach.db" ] || { say "no database yet: the platform creates it at its first start"; exit 0; }
    cli "$id" 0 db migrate
    ;;
  switch) # ID: current -> releases/ID, atomically
    id=${1:?release id}
    [ -d "$BASE/releases/$id" ] || die "no release $id"
    ln -sfn "releases/$id" "$BASE/current.next"
    mv -T "$BASE/current.next" "$BASE/current"
    ;;
  start) # SERVICE PORT: start the current release
    service=${1:?service}; port=${2:?port}
    id=$(current_id)
    [ -n "$id" ] || die "no current release to start"
    if uses_systemd "$service"; then
      systemctl start "$service"
      exit 0
    fi
    [ -z "$(running_pid)" ] || die "the platform already runs (pid $(running_pid))"
    home="$BASE/releases/$id"
    # A process of its own session, detached from this shell and its terminal (an SSH session can end).
    ENREACH_HOME="$home" ENREACH_PORT="$port" nohup setsid "$home/bin/enreach" start >>"$BASE/shared/log/service.out" 2>&1 </dev/null &
    echo $! > "$(pidfile)"
    ;;
  health) # ID PORT TIMEOUT SERVICE: wait until /api/health says ready from release ID
    id=${1:?release id}; port=${2:?port}; timeout=${3:?timeout}; service=${4:?service}
    deadline=$(( $(date +%s) + timeout ))
    status=""
    while [ "$(date +%s)" -lt "$deadline" ]; do
      status=$(cli "$id" "$port" --json status 2>/dev/null || true)
      if printf '%s' "$status" | grep -Eq "\"release\" *: *\"$id\"" && printf '%s' "$status" | grep -Eq '"ready" *: *true'; then
        echo "healthy=$id"
        exit 0
      fi
      if ! uses_systemd "$service" && [ -z "$(running_pid)" ]; then
        say "the platform exited; the end of $BASE/shared/log/service.out:"
        tail -n 15 "$BASE/shared/log/service.out" >&2 || true
        exit 1
      fi
      sleep 2
    done
    say "release $id did not answer healthy on port $port within ${timeout}s; last status: ${status:-no answer}"
    exit 1
    ;;
  restore) # ID FILE: the release ID restores the backup FILE (database and etc/)
    id=${1:?release id}; file=${2:?backup file}
    cli "$id" 0 restore "$file"
    ;;
  discard) # ID: delete the release directory of a failed deployment (never the current one)
    id=${1:?release id}
    [ "$id" != "$(current_id)" ] || die "release $id is the current one"
    [ -d "$BASE/releases/$id" ] || exit 0
    rm -rf "${BASE:?}/releases/${id:?}"
    say "removed the failed release $id"
    ;;
  prune) # KEEP: delete all but the newest KEEP releases (never the current one)
    keep=${1:?keep}
    cur=$(current_id)
    ls -1 "$BASE/releases" | sort | head -n -"$keep" | while read -r old; do
      [ "$old" = "$cur" ] && continue
      rm -rf "${BASE:?}/releases/$old"
      say "removed old release $old"
    done
    ;;
  *)
    die "unknown action $action"
    ;;
esac
