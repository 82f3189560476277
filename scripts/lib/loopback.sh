# Shared by the scripts that start servers as processes on loopback ports (cluster-chaos.sh,
# bench-stores.sh); sourced, not run. The caller defines say() for its messages.

# listening PORT: whether something accepts connections on 127.0.0.1:PORT.
listening() {
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

# free_port: a loopback port nothing listens on. It runs in a subshell ($(free_port)), so it
# cannot remember what it gave: start a listener on each port before asking for the next.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! listening "$port"; then
      echo "$port"
      return
    fi
  done
  say "found no free loopback port in 200 tries"
  exit 2
}

# stop_pids PID...: asks each process to stop (TERM), gives them 10 s together, then kills what
# is left, so that a script never leaves a process behind.
stop_pids() {
  local pid deadline
  for pid in "$@"; do kill -TERM "$pid" 2> /dev/null || true; done
  deadline=$((SECONDS + 10))
  for pid in "$@"; do
    while kill -0 "$pid" 2> /dev/null && (( SECONDS < deadline )); do sleep 0.1; done
    kill -KILL "$pid" 2> /dev/null || true
  done
}

# ensure_jwt_secret: a random LONGLINK_JWT_SECRET, exported, unless one is set: the nodes verify
# tokens with it and the load generator mints them with it.
ensure_jwt_secret() {
  if [[ -z "${LONGLINK_JWT_SECRET:-}" ]]; then
    LONGLINK_JWT_SECRET="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
  fi
  export LONGLINK_JWT_SECRET
}
