# shellcheck shell=bash
# Steps the bench scripts share: wait for a server, log in as a demo user, take an API token.
# Source it: . "$(dirname "$0")/lib.sh"

# bench_wait_up BASE-URL [PID LOG]: waits up to 4 minutes for BASE-URL/login; if PID died, prints LOG's tail and exits.
bench_wait_up() {
  local _
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$1/login" && return 0
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then
      [ -n "${3:-}" ] && tail -50 "$3"
      exit 1
    fi
    sleep 1
  done
  echo "no answer from $1/login within 4 minutes" >&2
  exit 1
}

# bench_login BASE-URL COOKIE-JAR [USER]: logs the demo user (default: customer) in; prints the Cookie header value.
bench_login() {
  local page csrf
  page=$(curl -fsS -c "$2" -b "$2" "$1/login")
  csrf=$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
  curl -fsS -o /dev/null -c "$2" -b "$2" --data-urlencode "username=${3:-customer}" \
    --data-urlencode password=Yunjian-Demo-2026 --data-urlencode "_csrf=$csrf" "$1/login"
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$2"
}

# bench_token BASE-URL COOKIE-HEADER SCOPE: prints a one-day API token (READ_ONLY or READ_WRITE) of the logged-in user.
bench_token() {
  local xsrf token
  xsrf=$(curl -fsS -H "Cookie: $2" "$1/api/csrf" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
  token=$(curl -fsS -H "Cookie: $2" -H "X-CSRF-TOKEN: $xsrf" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench\",\"scope\":\"$3\",\"validDays\":1}" "$1/api/account/tokens" \
    | grep -o '"value":"[^"]*"' | cut -d'"' -f4)
  [ -n "$token" ] || { echo "no token" >&2; exit 1; }
  printf '%s' "$token"
}
