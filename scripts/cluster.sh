#!/usr/bin/env bash
# Keypoint in its production shape, on loopback: N stateless `next start` processes on one
# PostgreSQL behind nginx (Debian's, round robin, no sticky sessions).
#   scripts/cluster.sh start [N]   N app processes (default 2); prints the balancer's URL
#   scripts/cluster.sh stop
# Environment:
#   PORT                  the balancer's port (default 3000); app processes listen on PORT+1 … PORT+N
#   DATABASE_URL          postgresql://… to serve; unset, a throwaway PostgreSQL is started in the
#                         cluster folder on KEYPOINT_CLUSTER_PG_PORT (default PORT+52000)
#   KEYPOINT_CLUSTER_DIR  nginx.conf, pid files and logs (default /tmp/keypoint-cluster-PORT)
#   NEXTAUTH_SECRET, NEXTAUTH_URL, KEYPOINT_DIST_DIR, KEYPOINT_TEST_HOOKS as for `npm start`
# nginx runs as the current user with its own pid, log and temp paths; it sets X-Forwarded-For
# to the client's address and every app process runs with KEYPOINT_TRUST_PROXY=1.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:?usage: scripts/cluster.sh start [N] | stop}
port=${PORT:-3000}
dir=${KEYPOINT_CLUSTER_DIR:-/tmp/keypoint-cluster-$port}
nginx_bin=${NGINX:-/usr/sbin/nginx}

stop_pidfile() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

wait_for() { # URL, what, log file
  for _ in $(seq 600); do
    curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "$2 did not answer at $1; last lines of $3:" >&2
  tail -n 30 "$3" >&2 || true
  return 1
}

case "$cmd" in
  start)
    apps=${2:-2}
    [[ "$apps" =~ ^[1-9][0-9]*$ ]] || { echo "N must be a whole number of app processes, got '$apps'" >&2; exit 2; }
    [ -x "$nginx_bin" ] || { echo "nginx not found at $nginx_bin: apt-get install -y nginx" >&2; exit 1; }
    [ -f "$dir/nginx.pid" ] && { echo "a cluster already runs in $dir: scripts/cluster.sh stop first" >&2; exit 1; }
    mkdir -p "$dir/nginx-temp"
    url=${DATABASE_URL:-}
    if [[ ! "$url" =~ ^postgres ]]; then
      [ -z "$url" ] || { echo "the cluster serves PostgreSQL; DATABASE_URL is '$url'" >&2; exit 1; }
      url=$(scripts/postgres-server.sh start "$dir/pg" "${KEYPOINT_CLUSTER_PG_PORT:-$((port + 52000))}")
      touch "$dir/pg.started"
    fi
    public=${NEXTAUTH_URL:-http://127.0.0.1:$port}
    # Settings checked, migrations applied, default deck loaded and the app built once, for all.
    DATABASE_URL=$url NEXTAUTH_URL=$public node node_modules/tsx/dist/cli.mjs scripts/start.ts --prepare-only >"$dir/prepare.log" 2>&1 \
      || { cat "$dir/prepare.log" >&2; exit 1; }
    secret=${NEXTAUTH_SECRET:-$(cat "${KEYPOINT_DATA_DIR:-data}/.nextauth-secret")}
    upstreams=""
    for i in $(seq "$apps"); do
      app_port=$((port + i))
      DATABASE_URL=$url NEXTAUTH_URL=$public NEXTAUTH_SECRET=$secret KEYPOINT_TRUST_PROXY=1 NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production \
        nohup node node_modules/next/dist/bin/next start -p "$app_port" -H 127.0.0.1 >"$dir/app-$i.log" 2>&1 </dev/null &
      echo $! >"$dir/app-$i.pid"
      upstreams+="    server 127.0.0.1:$app_port;"$'\n'
    done
    user_line=""
    [ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);"
    cat >"$dir/nginx.conf" <<EOF
# Written by scripts/cluster.sh: round robin over the app processes, no sticky sessions.
$user_line
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/nginx-temp/body;
  proxy_temp_path $dir/nginx-temp/proxy;
  fastcgi_temp_path $dir/nginx-temp/fastcgi;
  uwsgi_temp_path $dir/nginx-temp/uwsgi;
  scgi_temp_path $dir/nginx-temp/scgi;
  # Uploads are refused by the app above 20 MB, with a readable message.
  client_max_body_size 25m;
  upstream keypoint {
$upstreams    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://keypoint;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      # The client's own address, never what the client wrote (KEYPOINT_TRUST_PROXY=1 trusts this one hop).
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 300s;
      # Which app process answered: for operators and the cluster tests.
      add_header X-Served-By \$upstream_addr always;
    }
  }
}
EOF
    "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log"
    for i in $(seq "$apps"); do wait_for "http://127.0.0.1:$((port + i))/api/auth/csrf" "app process $i" "$dir/app-$i.log"; done
    wait_for "http://127.0.0.1:$port/api/auth/csrf" "nginx" "$dir/nginx-error.log"
    echo "http://127.0.0.1:$port"
    ;;
  stop)
    if [ -f "$dir/nginx.pid" ]; then
      "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" -s quit 2>/dev/null || true
      for _ in $(seq 50); do [ -f "$dir/nginx.pid" ] || break; sleep 0.1; done
      stop_pidfile "$dir/nginx.pid"
    fi
    for file in "$dir"/app-*.pid; do [ -e "$file" ] && stop_pidfile "$file"; done
    if [ -f "$dir/pg.started" ]; then scripts/postgres-server.sh stop "$dir/pg"; rm -f "$dir/pg.started"; fi
    ;;
  *) echo "usage: scripts/cluster.sh start [N] | stop" >&2; exit 2 ;;
esac
