#!/usr/bin/env bash
# Concord: a real single-node Apache Kafka broker (KRaft, broker+controller in one JVM)
# run straight from Maven Central jars: no Docker, no Kafka tarball.
#
#   bash infra/kafka/kafka.sh start|wait|stop|status|reset
#
# See infra/kafka/README.md for what it does and the environment variables it reads.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
POM="${SCRIPT_DIR}/pom.xml"

KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-${REPO_ROOT}/.data/kafka}"
[[ "$KAFKA_HOME_DIR" == /* ]] || KAFKA_HOME_DIR="${PWD}/${KAFKA_HOME_DIR}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_WAIT_SECONDS="${KAFKA_WAIT_SECONDS:-60}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
KAFKA_LOG_LEVEL="${KAFKA_LOG_LEVEL:-WARN}"
KAFKA_HOST=127.0.0.1

LIBS_DIR="${KAFKA_LIBS_DIR:-${KAFKA_HOME_DIR}/libs}"
CONFIG_DIR="${KAFKA_HOME_DIR}/config"
DATA_DIR="${KAFKA_HOME_DIR}/data"
LOGS_DIR="${KAFKA_HOME_DIR}/logs"
PID_FILE="${KAFKA_HOME_DIR}/kafka.pid"
SERVER_PROPS="${CONFIG_DIR}/server.properties"
LOG4J_PROPS="${CONFIG_DIR}/log4j.properties"
TOOLS_LOG4J_PROPS="${CONFIG_DIR}/tools-log4j.properties"
SERVER_LOG="${LOGS_DIR}/server.log"
STDOUT_LOG="${LOGS_DIR}/stdout.log"
LIBS_STAMP="${LIBS_DIR}/.pom.sha256"

log() { printf 'kafka: %s\n' "$*" >&2; }
die() {
  printf 'kafka: error: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat >&2 <<EOF
usage: $(basename "$0") start|wait|stop|status|reset

  start   resolve jars (first run only), format storage (first run only), start the
          broker in the background and wait until it serves requests
  wait    wait until the broker on ${KAFKA_HOST}:\${KAFKA_PORT} answers Kafka requests
  stop    stop the broker (SIGTERM, then SIGKILL after 20 s)
  status  print running/stopped; exit 0 if running, 1 if not
  reset   stop the broker and delete its data and logs (jars are kept)

environment: KAFKA_HOME_DIR KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_WAIT_SECONDS
             KAFKA_HEAP_OPTS KAFKA_LOG_LEVEL JAVA_HOME (see infra/kafka/README.md)
EOF
}

# ---------------------------------------------------------------------------
# small helpers

# Milliseconds since the epoch (bash 5 has EPOCHREALTIME; fall back to date).
now_ms() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    local t="${EPOCHREALTIME/[.,]/}"
    echo $((10#${t} / 1000))
  else
    date +%s%3N
  fi
}

# "4.2s" from a start time in ms.
elapsed_since() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%ds' $((ms / 1000)) $(((ms % 1000) / 100))
}

validate_port() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (($2 < 1 || $2 > 65535)); then
    die "$1 must be a TCP port number, got '$2'"
  fi
}

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/${KAFKA_HOST}/$1") 2>/dev/null
}

# True if a Kafka broker on 127.0.0.1:$1 answers an ApiVersions (v0) request.
# The broker only enables request processing after it has caught up with the metadata
# log and been unfenced, so an answer means it is really ready (not just bound).
# Hand-rolled frame: size=18, api_key=18 (ApiVersions), api_version=0,
# correlation_id=42, client_id="kafka-sh".
kafka_answers() {
  local reply
  reply="$(
    (
      exec 3<>"/dev/tcp/${KAFKA_HOST}/$1" || exit 1
      printf '\x00\x00\x00\x12\x00\x12\x00\x00\x00\x00\x00\x2a\x00\x08kafka-sh' >&3
      timeout 2 head -c 10 <&3 | od -An -tx1 | tr -d ' \n'
    ) 2>/dev/null
  )" || return 1
  # bytes 4..9 of the reply: correlation id 42, error_code 0
  [[ "${reply:8:12}" == "0000002a0000" ]]
}

# True if $1 is a live (not zombie) process that is our broker. Where /proc exists it
# also guards against the pid having been reused by an unrelated process.
is_broker_pid() {
  local pid="$1" state
  kill -0 "$pid" 2>/dev/null || return 1
  [[ -r "/proc/${pid}/stat" ]] || return 0
  state="$(sed 's/^.*) //' "/proc/${pid}/stat" 2>/dev/null | cut -c1)" || return 1
  [[ -n "$state" && "$state" != Z && "$state" != X ]] || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'
}

# PID from the pid file if that process is alive, else empty (and a stale file removed).
running_pid() {
  [[ -f "$PID_FILE" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  if [[ -n "$pid" ]] && is_broker_pid "$pid"; then
    echo "$pid"
  else
    rm -f "$PID_FILE"
  fi
}

show_log_tail() {
  local f
  for f in "$SERVER_LOG" "$STDOUT_LOG"; do
    if [[ -s "$f" ]]; then
      printf 'kafka: --- last lines of %s ---\n' "$f" >&2
      tail -n 25 "$f" >&2
    fi
  done
}

# Serialise start/stop/reset of one KAFKA_HOME_DIR (e.g. parallel test runners all
# calling `start`): the second caller waits and then finds the broker running.
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$KAFKA_HOME_DIR"
  exec 9>"${KAFKA_HOME_DIR}/.lock"
  if ! flock -n 9; then
    log "waiting for another kafka.sh on $KAFKA_HOME_DIR to finish"
    flock -w $((KAFKA_WAIT_SECONDS + 120)) 9 || die "timed out waiting for the lock on ${KAFKA_HOME_DIR}/.lock"
  fi
}

# ---------------------------------------------------------------------------
# prerequisites

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    JAVA="${JAVA_HOME}/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="$(command -v java)"
  else
    die "Java not found (neither \$JAVA_HOME/bin/java nor java on PATH). Kafka 3.9 needs Java 11+ (17 recommended): apt-get install openjdk-17-jre-headless"
  fi
  local version major
  version="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  major="${version%%.*}"
  [[ "$major" == 1 ]] && major="$(echo "$version" | cut -d. -f2)"
  if [[ "$major" =~ ^[0-9]+$ ]] && ((major < 11)); then
    die "$JAVA is Java ${version}; Kafka 3.9 needs Java 11+ (17 recommended): apt-get install openjdk-17-jre-headless"
  fi
}

pom_hash() { sha256sum "$POM" | cut -d' ' -f1; }

jars_present() {
  [[ -f "$LIBS_STAMP" && "$(cat "$LIBS_STAMP")" == "$(pom_hash)" ]] &&
    compgen -G "${LIBS_DIR}/kafka_2.13-*.jar" >/dev/null
}

resolve_jars() {
  jars_present && return 0
  command -v mvn >/dev/null 2>&1 ||
    die "Maven (mvn) not found on PATH; it is needed once to fetch the Kafka jars from Maven Central: apt-get install maven openjdk-17-jre-headless"
  log "resolving jars from Maven Central (first run only)…"
  local t0 tmp mvn_log
  t0="$(now_ms)"
  tmp="${LIBS_DIR}.tmp.$$"
  mvn_log="${KAFKA_HOME_DIR}/mvn.log"
  rm -rf "$tmp"
  mkdir -p "$KAFKA_HOME_DIR"
  # mvn -q still writes colour escape codes to stdout: keep all of it in a log.
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" >"$mvn_log" 2>&1; then
    tail -n 40 "$mvn_log" >&2
    rm -rf "$tmp"
    die "mvn could not resolve the Kafka jars (full output: $mvn_log)"
  fi
  compgen -G "${tmp}/kafka_2.13-*.jar" >/dev/null || die "mvn finished but no kafka_2.13 jar in $tmp"
  pom_hash >"${tmp}/.pom.sha256"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  rm -f "$mvn_log"
  log "jars ready in $LIBS_DIR ($(du -sh "$LIBS_DIR" | cut -f1), $(elapsed_since "$t0"))"
}

# ---------------------------------------------------------------------------
# configuration

write_config() {
  mkdir -p "$CONFIG_DIR" "$DATA_DIR" "$LOGS_DIR"
  cat >"$SERVER_PROPS" <<EOF
# Written by infra/kafka/kafka.sh on every start; edits here are overwritten.
# Single-node KRaft: this one process is both the broker and the (only) controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${KAFKA_HOST}:${KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT},CONTROLLER://${KAFKA_HOST}:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER

log.dirs=${DATA_DIR}

# Topics are created explicitly by the application (admin client), never by accident.
auto.create.topics.enable=false
delete.topic.enable=true
num.partitions=1
default.replication.factor=1
min.insync.replicas=1

# Internal topics on a single node: replication factor 1, fewer partitions than the
# production default of 50 (less start-up work and fewer files for a dev broker).
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10

# Consumers join a group at once instead of after the default 3 s delay.
group.initial.rebalance.delay.ms=0

# After a crash (kill -9) the controller refuses the restarted broker's registration
# (DUPLICATE_BROKER_REGISTRATION) until the old incarnation's session expires: 9 s by
# default, ~15 s to ready with the retry back-off. Broker and controller share one JVM
# here, so a short session is safe and a crash-restart is ready in ~5 s.
broker.session.timeout.ms=3000
broker.heartbeat.interval.ms=1000

# Retention: one week or 1 GiB per partition, whichever comes first.
log.retention.hours=168
log.retention.bytes=1073741824
log.retention.check.interval.ms=300000
num.recovery.threads.per.data.dir=1
EOF

  cat >"$LOG4J_PROPS" <<EOF
# Written by infra/kafka/kafka.sh. Everything goes to ${SERVER_LOG}, nothing to stdout.
log4j.rootLogger=${KAFKA_LOG_LEVEL}, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${SERVER_LOG}
log4j.appender.file.MaxFileSize=10MB
log4j.appender.file.MaxBackupIndex=3
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
# Keep the lines that tell when the server started and shut down.
log4j.logger.kafka.server.KafkaRaftServer=INFO
EOF

  # For the CLI tools (TopicCommand, ConsoleProducer, ...): warnings to stderr.
  cat >"$TOOLS_LOG4J_PROPS" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

# Random 16-byte cluster id in Kafka's base64url (22 chars, no padding) form. Like
# Kafka's own Uuid.randomUuid(), never one starting with "-" (it would parse as an option).
new_cluster_id() {
  local hex bytes id i
  while :; do
    hex="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    bytes=""
    for ((i = 0; i < 32; i += 2)); do bytes+="\\x${hex:i:2}"; done
    # shellcheck disable=SC2059 # the format string is the escaped bytes on purpose
    id="$(printf "$bytes" | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" == -* ]] || break
  done
  echo "$id"
}

format_storage() {
  [[ -f "${DATA_DIR}/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(new_cluster_id)"
  log "formatting storage in $DATA_DIR (cluster id $cluster_id)"
  if ! "$JAVA" -Xmx256m -Dlog4j.configuration="file:${TOOLS_LOG4J_PROPS}" -cp "${LIBS_DIR}/*" \
    kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" -c "$SERVER_PROPS" \
    >"${LOGS_DIR}/format.log" 2>&1; then
    cat "${LOGS_DIR}/format.log" >&2
    die "kafka.tools.StorageTool format failed"
  fi
}

# ---------------------------------------------------------------------------
# commands

# Wait until the broker answers; $1 = start time in ms (for the message).
wait_ready() {
  local t0="${1:-$(now_ms)}"
  local deadline=$(($(now_ms) + KAFKA_WAIT_SECONDS * 1000))
  local pid
  while :; do
    if kafka_answers "$KAFKA_PORT"; then
      log "ready on ${KAFKA_HOST}:${KAFKA_PORT} in $(elapsed_since "$t0")"
      return 0
    fi
    if [[ -f "$PID_FILE" ]]; then
      pid="$(running_pid)"
      if [[ -z "$pid" ]]; then
        log "the broker process exited before it became ready"
        show_log_tail
        return 1
      fi
    fi
    if (($(now_ms) >= deadline)); then
      log "not ready on ${KAFKA_HOST}:${KAFKA_PORT} after ${KAFKA_WAIT_SECONDS}s (KAFKA_WAIT_SECONDS)"
      [[ -f "$PID_FILE" ]] || log "no broker was started by this script for $KAFKA_HOME_DIR (run: $0 start)"
      show_log_tail
      return 1
    fi
    sleep 0.2
  done
}

cmd_start() {
  local t0 pid
  t0="$(now_ms)"
  take_lock
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    if kafka_answers "$KAFKA_PORT"; then
      log "already running (pid $pid) on ${KAFKA_HOST}:${KAFKA_PORT}"
      return 0
    fi
    log "already starting (pid $pid); waiting"
    wait_ready "$t0"
    return
  fi
  local p
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$p"; then
      die "${KAFKA_HOST}:${p} is already in use by a process this script did not start (pid file: $PID_FILE); stop it or set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    fi
  done

  find_java
  resolve_jars
  write_config
  format_storage

  log "starting broker on ${KAFKA_HOST}:${KAFKA_PORT} (logs: $SERVER_LOG)"
  local -a heap
  read -r -a heap <<<"$KAFKA_HEAP_OPTS"
  local -a cmd=(
    "$JAVA" "${heap[@]}"
    -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true
    -Dlog4j.configuration="file:${LOG4J_PROPS}" -Dkafka.logs.dir="$LOGS_DIR"
    -cp "${LIBS_DIR}/*" kafka.Kafka "$SERVER_PROPS"
  )
  # Own session (setsid) so neither a Ctrl-C in the calling terminal nor a kill of the
  # caller's process group hits the broker; `stop` uses the pid file. The inner shell
  # writes its own pid and then becomes java (exec), so the pid file names the JVM
  # whether or not setsid had to fork. fd 9 (the lock) is not passed on to the broker.
  local -a detach=()
  command -v setsid >/dev/null 2>&1 && detach=(setsid)
  rm -f "$PID_FILE"
  # shellcheck disable=SC2016 # $$ and $@ are for the inner shell
  nohup "${detach[@]}" bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" "${cmd[@]}" \
    </dev/null >"$STDOUT_LOG" 2>&1 9>&- &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$PID_FILE" ]] && break
    sleep 0.1
  done
  [[ -s "$PID_FILE" ]] || die "the broker process did not start (see $STDOUT_LOG)"
  wait_ready "$t0"
}

cmd_wait() {
  wait_ready "$(now_ms)"
}

cmd_stop() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    log "not running"
    return 0
  fi
  local t0
  t0="$(now_ms)"
  log "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 200; i++)); do
    is_broker_pid "$pid" || break
    sleep 0.1
  done
  if is_broker_pid "$pid"; then
    log "still alive after 20s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      is_broker_pid "$pid" || break
      sleep 0.1
    done
  fi
  rm -f "$PID_FILE"
  log "stopped in $(elapsed_since "$t0")"
}

cmd_status() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    echo "stopped"
    return 1
  fi
  if kafka_answers "$KAFKA_PORT"; then
    echo "running (pid $pid) on ${KAFKA_HOST}:${KAFKA_PORT}"
  else
    echo "running (pid $pid), not answering on ${KAFKA_HOST}:${KAFKA_PORT} yet"
  fi
}

cmd_reset() {
  cmd_stop
  rm -rf "${DATA_DIR:?}" "${LOGS_DIR:?}"
  log "deleted ${DATA_DIR} and ${LOGS_DIR} (jars in ${LIBS_DIR} kept)"
}

main() {
  validate_port KAFKA_PORT "$KAFKA_PORT"
  validate_port KAFKA_CONTROLLER_PORT "$KAFKA_CONTROLLER_PORT"
  [[ "$KAFKA_PORT" != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
  [[ "$KAFKA_WAIT_SECONDS" =~ ^[0-9]+$ ]] || die "KAFKA_WAIT_SECONDS must be a whole number of seconds"
  case "${1:-}" in
    start) cmd_start ;;
    wait) cmd_wait ;;
    stop)
      take_lock
      cmd_stop
      ;;
    status) cmd_status ;;
    reset)
      take_lock
      cmd_reset
      ;;
    -h | --help | help)
      usage
      ;;
    *)
      usage
      exit 2
      ;;
  esac
}

main "$@"
