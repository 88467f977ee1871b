#!/usr/bin/env bash
# Part 2 of bench/sip-load.sh: SIPp as the carrier, SipTelephony placing calls at rising rates.
#   bench/sipp/sip-part.sh CLASSPATH
#   (environment: SIP_RATES=10,25,50,75,100 SIP_SECONDS=5 SIP_HOLD=3 SIP_AGENTS=4)
# Ports: SIP 18270 (adapter), 18280 (SIPp carrier), SIPp media 18290, agents' phones 18240+ (SIP),
# 18250+ (registering), 18220+ (their RTP, read by the driver), adapter RTP 61000-62998.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath="$1"
work="$(mktemp -d)"
trap 'kill "$sipp_pid" 2>/dev/null || true; [ -n "${SIP_KEEP_LOGS:-}" ] || rm -rf "$work"' EXIT

command -v sipp >/dev/null || { echo "sipp is not installed (apt-get install sip-tester)" >&2; exit 1; }
sipp -sf "$here/carrier.xml" -i 127.0.0.1 -p 18280 -mi 127.0.0.1 -mp 18290 -nostdin \
  -trace_msg -message_file "$work/messages.log" -trace_err -error_file "$work/errors.log" \
  >"$work/sipp.out" 2>&1 &
sipp_pid=$!
sleep 1
kill -0 "$sipp_pid" 2>/dev/null || { cat "$work/sipp.out" >&2; exit 1; }

echo
echo "## SIP: SIPp as the carrier"
java ${SIP_LOAD_JAVA_OPTS:-} -cp "$classpath" dev.outdial.bench.sip.SipLoad \
  --rates "${SIP_RATES:-10,25,50,75,100}" --seconds "${SIP_SECONDS:-5}" --hold "${SIP_HOLD:-3}" \
  --sip-port 18270 --trunk-port 18280 --sipp-trace "$work/messages.log" \
  --agents "${SIP_AGENTS:-4}" --scenarios "$here"
echo "load after SIP: $(uptime)" >&2
[ -s "$work/errors.log" ] && { echo "SIPp reported errors:" >&2; head -n 20 "$work/errors.log" >&2; }
exit 0
