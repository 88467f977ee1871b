#!/usr/bin/env bash
# Progress read benchmark (issue 8): GET /api/v1/campaigns/{id}/progress on a campaign of ROWS
# customers (default 10,000,000) of an Outdial running on PostgreSQL. The customers are generated
# in SQL (generate_series) with a spread of statuses and results, and their counters are written by
# the same grouping the migration V70 backfills them with (what every live change keeps up to date).
# Then the progress read is timed over HTTP and set against a recount of the rows.
# Needs a PostgreSQL database owned by role outdial (password outdial): BENCH_DB, default
#   sudo -u postgres psql -c "CREATE DATABASE outdial_progress_bench OWNER outdial"
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-10000000}"
port="${BENCH_PORT:-18086}"
db="${BENCH_DB:-outdial_progress_bench}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export OUTDIAL_DB_URL="jdbc:postgresql://localhost:5432/$db" OUTDIAL_DB_USER=outdial OUTDIAL_DB_PASSWORD=outdial
export OUTDIAL_OPERATOR_PASSWORD="${OUTDIAL_OPERATOR_PASSWORD:-bench-operator-password}"
export PGPASSWORD=outdial
psql_db() { psql -h localhost -U outdial -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

cd "$root"
jar="$root/server/target/outdial-server.jar"
[ -f "$jar" ] || ./mvnw -q -B -DskipTests -pl server -am package
"$JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" > "$root/bench/progress-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
api="http://localhost:$port/api/v1"
. "$root/bench/manual-campaign.sh"
new_manual_campaign Progress
interested=$(psql_db -c "select id from call_classification where business_id = $business and code = 'INTERESTED'")

echo "generating $rows customers of campaign $campaign..." >&2
t0=$(date +%s)
psql_db <<SQL
insert into campaign_customer (business_id, campaign_id, name, phone, status, progress, held_pause,
    cycle_attempts, total_attempts, business_errors, last_result, classification_id, added_at)
select $business, $campaign, 'Customer ' || g, '+8490' || lpad(g::text, 8, '0'),
       s.status, s.progress, s.status = 'PAUSED', s.attempts, s.attempts, s.errors, s.result,
       case when s.result = 'SUCCESS' then $interested end, now()
  from generate_series(1, $rows) g
  join (values (0, 'NEW', 'NEW', 0, 0, null), (1, 'NEW', 'NEW', 0, 0, null), (2, 'NEW', 'NEW', 0, 0, null),
               (3, 'NEW', 'NEW', 0, 0, null), (4, 'RETRY', 'RETRY', 1, 0, 'NOANSWER'), (5, 'RETRY', 'RETRY', 1, 0, 'BUSY'),
               (6, 'SUCCESS', 'SUCCESS', 1, 0, 'SUCCESS'), (7, 'SUCCESS', 'SUCCESS', 2, 0, 'SUCCESS'),
               (8, 'MAX_ATTEMPTS', 'MAX_ATTEMPTS', 3, 0, 'NOANSWER'), (9, 'MAX_ATTEMPTS', 'MAX_ATTEMPTS', 3, 0, 'BUSY'),
               (10, 'DO_NOT_CALL_BACK', 'DO_NOT_CALL_BACK', 1, 0, 'SUCCESS'), (11, 'ERROR', 'ERROR', 1, 4, 'NETWORK_ERROR'),
               (12, 'ERROR', 'ERROR', 1, 1, 'HOTLINE_ERROR'), (13, 'CALLBACK', 'CALLBACK', 1, 0, 'SUCCESS'),
               (14, 'PAUSED', 'NEW', 0, 0, null), (15, 'ERROR', 'ERROR', 1, 0, 'INVALID_NUMBER'))
       as s(k, status, progress, attempts, errors, result) on s.k = g % 16;
-- The counters, grouped as V70__campaign_customer_counts.sql backfills them.
insert into campaign_customer_count (campaign_id, status, classification_id, last_result, slot, customers)
select campaign_id, counted_status, counted_classification, counted_result, slot, count(*)
from (select campaign_id,
             case when status = 'ERROR' and last_result in ('HOTLINE_ERROR', 'NETWORK_ERROR', 'AGENT_TIMEOUT')
                       and business_errors <= 3 then 'ERROR_RETRY' else status end as counted_status,
             case when last_result = 'SUCCESS' then coalesce(classification_id, 0) else 0 end as counted_classification,
             coalesce(last_result, 'NONE') as counted_result,
             mod(id, 8) as slot
      from campaign_customer where campaign_id = $campaign) customers
group by campaign_id, counted_status, counted_classification, counted_result, slot;
analyze campaign_customer;
analyze campaign_customer_count;
SQL
t1=$(date +%s)

url="$api/campaigns/$campaign/progress"
total=$(curl "${as_admin[@]}" "$url" | json "['total']")
[ "$total" = "$rows" ] || { echo "progress total $total is not $rows" >&2; exit 1; }
for _ in 1 2 3 4 5; do curl "${as_admin[@]}" -o /dev/null "$url"; done
times=$(for _ in $(seq 1 20); do curl "${as_admin[@]}" -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n)
median=$(echo "$times" | awk '{a[NR]=$1} END {printf "%.1f", (a[10]+a[11])/2*1000}')
worst=$(echo "$times" | tail -1 | awk '{printf "%.1f", $1*1000}')
counter_rows=$(psql_db -c "select count(*) from campaign_customer_count where campaign_id = $campaign")
recount=$(psql_db <<SQL | grep -o 'Execution Time: [0-9.]*' | awk '{print $3}'
explain analyze select status, count(*) from campaign_customer where campaign_id = $campaign group by status;
SQL
)
echo
echo "| measure ($rows customers, one campaign) | result |"
echo "|---|---|"
echo "| generating the rows and their counters in SQL | $((t1 - t0)) s |"
echo "| counter rows the read sums | $counter_rows |"
echo "| \`GET …/progress\`, median of 20 (HTTP Basic included) | $median ms |"
echo "| \`GET …/progress\`, slowest of 20 | $worst ms |"
echo "| a recount instead (\`select status, count(*) … group by status\`, PostgreSQL execution time) | $recount ms |"
