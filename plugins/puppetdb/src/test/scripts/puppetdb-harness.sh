#!/usr/bin/env bash
# Starts or stops a throw-away PuppetDB (Debian package "puppetdb") backed by the local PostgreSQL cluster, for the
# plugin's integration tests. Must run as root (it may start the PostgreSQL cluster and creates a role/database).
#
#   puppetdb-harness.sh start <workdir> <port>   idempotent; returns once /status/v1/services says "running"
#   puppetdb-harness.sh stop  <workdir>          stops the PuppetDB started from <workdir>; PostgreSQL keeps running
#
# A fresh start (no PuppetDB running from <workdir>) drops and recreates the test database, so every test run
# begins empty. Role and database are called $PDB_DB (default enreach_puppetdb_test), never "puppetdb", so a real
# PuppetDB on the same machine is left alone. Heap: $PDB_JAVA_ARGS (default -Xmx512m); /usr/sbin/puppetdb would
# force JAVA_ARGS from /etc/default/puppetdb, so the JVM is started directly with the package's jar.
set -euo pipefail

PDB_JAR=/usr/share/puppetdb/puppetdb.jar
BOOTSTRAP=/etc/puppetdb/bootstrap.cfg
DB=${PDB_DB:-enreach_puppetdb_test}
DB_PASSWORD=${PDB_DB_PASSWORD:-enreach-test-only}
# C1 only: PuppetDB (Clojure) spends most of its start-up compiling; tests run too briefly for C2 to pay off
JAVA_ARGS=${PDB_JAVA_ARGS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
READY_TIMEOUT=${PDB_READY_TIMEOUT:-240}

die() { echo "puppetdb-harness: $*" >&2; exit 1; }

usage() { die "usage: $0 start <workdir> <port> | stop <workdir>"; }

need_packages() {
    local missing=()
    [ -f "$PDB_JAR" ] && [ -f "$BOOTSTRAP" ] || missing+=(puppetdb)
    command -v pg_lsclusters >/dev/null && command -v psql >/dev/null || missing+=(postgresql)
    ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1 || missing+=(postgresql-contrib)
    command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
    if [ ${#missing[@]} -gt 0 ]; then
        die "missing Debian packages: ${missing[*]} (apt-get install -y puppetdb postgresql postgresql-contrib)"
    fi
    [ "$(id -u)" -eq 0 ] || die "must run as root (starts PostgreSQL and creates the $DB role and database)"
}

# One HTTP GET on 127.0.0.1 with bash's /dev/tcp, so curl is not needed; prints the body.
http_get() {
    local port=$1 path=$2
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n' "$path" >&3
    timeout 10 cat <&3 | sed '1,/^\r\{0,1\}$/d'
    exec 3<&- 3>&-
}

pdb_running() {
    local port=$1
    http_get "$port" /status/v1/services/puppetdb-status 2>/dev/null | grep -q '"state" *: *"running"'
}

alive() { [ -f "$1/puppetdb.pid" ] && kill -0 "$(cat "$1/puppetdb.pid")" 2>/dev/null; }

psql_admin() { runuser -u postgres -- env PGOPTIONS='-c client_min_messages=warning' psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }

start_postgres() {
    local line
    line=$(pg_lsclusters -h | head -n 1)
    if [ -z "$line" ]; then
        local ver
        ver=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
        pg_createcluster "$ver" main >/dev/null
        line=$(pg_lsclusters -h | head -n 1)
    fi
    read -r PG_VER PG_NAME PG_PORT PG_STATUS _ <<<"$line"
    if [ "$PG_STATUS" != "online" ]; then
        pg_ctlcluster "$PG_VER" "$PG_NAME" start
    fi
    for _ in $(seq 1 60); do
        runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && return 0
        sleep 1
    done
    die "PostgreSQL $PG_VER/$PG_NAME did not accept connections on port $PG_PORT"
}

fresh_database() {
    if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB'")" != "1" ]; then
        psql_admin -c "CREATE ROLE \"$DB\" LOGIN PASSWORD '$DB_PASSWORD'"
    else
        psql_admin -c "ALTER ROLE \"$DB\" LOGIN PASSWORD '$DB_PASSWORD'"
    fi
    psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
    psql_admin -c "CREATE DATABASE \"$DB\" OWNER \"$DB\" ENCODING 'UTF8' TEMPLATE template0"
    psql_admin -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm"
}

write_config() {
    local work=$1 port=$2
    mkdir -p "$work/conf" "$work/var" "$work/logs"
    cat >"$work/conf/config.ini" <<CFG
[global]
vardir = $work/var
logging-config = $work/conf/logback.xml

[command-processing]
threads = 2
CFG
    cat >"$work/conf/database.ini" <<CFG
[database]
subname = //127.0.0.1:$PG_PORT/$DB
username = $DB
password = $DB_PASSWORD
CFG
    cat >"$work/conf/jetty.ini" <<CFG
[jetty]
host = 127.0.0.1
port = $port
CFG
    # The authorization service (used by the metrics endpoint) needs rules; the package's are fine.
    cp /etc/puppetdb/conf.d/auth.conf "$work/conf/auth.conf"
    cat >"$work/conf/logback.xml" <<CFG
<configuration>
  <appender name="F" class="ch.qos.logback.core.FileAppender">
    <file>$work/logs/puppetdb.log</file>
    <encoder><pattern>%d %-5p [%c{2}] %m%n</pattern></encoder>
  </appender>
  <root level="info"><appender-ref ref="F"/></root>
</configuration>
CFG
    chmod 600 "$work/conf/database.ini"
}

start() {
    local work port
    [ $# -eq 2 ] || usage
    work=$(mkdir -p "$1" && cd "$1" && pwd)
    port=$2
    need_packages
    start_postgres
    if alive "$work"; then
        if pdb_running "$port"; then
            echo "PuppetDB already running on 127.0.0.1:$port (pid $(cat "$work/puppetdb.pid"))"
            return 0
        fi
        stop "$work"
    fi
    if pdb_running "$port"; then
        die "port $port already serves a PuppetDB that was not started from $work"
    fi
    fresh_database
    write_config "$work" "$port"
    # setsid: PuppetDB gets its own process group, so stop can end it and its children and nothing else.
    # shellcheck disable=SC2086
    setsid java $JAVA_ARGS -cp "$PDB_JAR" clojure.main -m puppetlabs.puppetdb.core \
        services -c "$work/conf" -b "$BOOTSTRAP" >"$work/logs/stdout.log" 2>&1 </dev/null &
    echo $! >"$work/puppetdb.pid"
    local deadline=$((SECONDS + READY_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        if ! alive "$work"; then
            tail -n 40 "$work/logs/stdout.log" "$work/logs/puppetdb.log" >&2 2>/dev/null || true
            die "PuppetDB exited during start-up; logs in $work/logs"
        fi
        if pdb_running "$port"; then
            echo "PuppetDB running on 127.0.0.1:$port (pid $(cat "$work/puppetdb.pid"))"
            return 0
        fi
        sleep 1
    done
    tail -n 40 "$work/logs/puppetdb.log" >&2 2>/dev/null || true
    stop "$work"
    die "PuppetDB was not running after ${READY_TIMEOUT}s; logs in $work/logs"
}

stop() {
    local work pid
    [ $# -eq 1 ] || usage
    work=$1
    [ -f "$work/puppetdb.pid" ] || { echo "no PuppetDB started from $work"; return 0; }
    pid=$(cat "$work/puppetdb.pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$work/puppetdb.pid"
    echo "PuppetDB from $work stopped"
}

cmd=${1:-}
[ -n "$cmd" ] || usage
shift
case "$cmd" in
    start) start "$@" ;;
    stop) stop "$@" ;;
    *) usage ;;
esac
