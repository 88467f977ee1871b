#!/usr/bin/env bash
# Customer list benchmark (issues 4 and 18): the list's first, middle and last pages and its searches
# timed over HTTP on a campaign of an Outdial running on PostgreSQL.
#   bench/customer-list.sh [--xlsx] [ROWS]     a ROWS-row CSV (or .xlsx) imported through the API (default
#                                              1,000,000; the bench's server takes uploads up to 2 GB, so
#                                              10,000,000 rows, a 0.5 GB CSV, go through the API too)
#   bench/customer-list.sh --generate [ROWS]   ROWS customers made in SQL (generate_series; default 10,000,000,
#                                              past the upload limit), then only the list timed
#   bench/customer-list.sh --existing CAMPAIGN   only the list timed, of a campaign made before by --generate
#                                              in the same database (its business's admin, its customer count)
# Needs a PostgreSQL database owned by role outdial: BENCH_DB (default outdial_bench), port BENCH_PORT.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
generate=""
existing=""
format=csv
if [ "${1:-}" = "--generate" ]; then generate=1; shift; fi
if [ "${1:-}" = "--existing" ]; then existing="$2"; generate=1; shift 2; fi
if [ "${1:-}" = "--xlsx" ]; then format=xlsx; shift; fi
rows="${1:-$([ -n "$generate" ] && echo 10000000 || echo 1000000)}"
port="${BENCH_PORT:-18080}"
db="${BENCH_DB:-outdial_bench}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export OUTDIAL_DB_URL="jdbc:postgresql://localhost:5432/$db" OUTDIAL_DB_USER=outdial OUTDIAL_DB_PASSWORD=outdial
export OUTDIAL_OPERATOR_PASSWORD="${OUTDIAL_OPERATOR_PASSWORD:-bench-operator-password}"
export PGPASSWORD=outdial
psql_db() { psql -h localhost -U outdial -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
cd "$root"
jar="${OUTDIAL_JAR:-$root/server/target/outdial-server.jar}"
if [ ! -f "$jar" ] || [ ! -d bench/target/classes ] || [ -n "${BUILD:-}" ]; then
  ./mvnw -q -B -DskipTests -pl server,bench -am package
fi
# OUTDIAL_JAVA_OPTS: the server's JVM options (e.g. a heap size, or -XX:StartFlightRecording=... to profile).
# The server writes its GC log to bench/target/customer-list-gc.log; its peak heap is printed at the end.
gclog="$root/bench/target/customer-list-gc.log"
rm -f "$gclog"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${OUTDIAL_JAVA_OPTS:-} -Xlog:gc:file="$gclog" -jar "$jar" --server.port="$port" \
  --outdial.uploads.max-file-size=2GB --spring.servlet.multipart.max-file-size=2050MB \
  --spring.servlet.multipart.max-request-size=2051MB \
  > "$root/bench/target/customer-list-server.log" 2>&1 &
server=$!
# The heap the server used at most: the largest "before" of its GC log's pauses ("…M->…M(…M)").
peak_heap() {
  grep -o '[0-9]*M->[0-9]*M' "$gclog" 2>/dev/null | tr -d M | awk -F'->' '
    $1 > before { before = $1 } $2 > after { after = $2 }
    END { if (NR) printf "server peak heap: %d MB before a GC, %d MB after one (%d GCs)\n", before, after, NR }' >&2 || true
}
trap 'echo "load at end: $(uptime)" >&2; peak_heap; kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
echo "load: $(uptime)" >&2
if [ -z "$generate" ]; then
  "$JAVA_HOME/bin/java" -cp bench/target/classes dev.outdial.bench.CustomerListBench \
    "http://localhost:$port" "$OUTDIAL_OPERATOR_PASSWORD" "$rows" "$format"
  exit
fi

if [ -n "$existing" ]; then
  admin=$(psql_db -c "select username from app_user where role = 'ADMIN' and business_id =
    (select business_id from campaign where id = $existing) order by id limit 1")
  rows=$(psql_db -c "select coalesce(sum(customers), 0) from campaign_customer_count where campaign_id = $existing")
  "$JAVA_HOME/bin/java" -cp bench/target/classes dev.outdial.bench.CustomerListBench \
    "http://localhost:$port" --existing "$existing" "$admin" bench-admin-password "$rows"
  exit
fi
api="http://localhost:$port/api/v1"
. "$root/bench/manual-campaign.sh"
new_manual_campaign List
echo "generating $rows customers of campaign $campaign..." >&2
t0=$(date +%s)
# The numbers and names the CSV of the import mode has (09 + 8 digits, "Customer N"); one in four
# customers is past NEW, so the status filter has something to leave out.
# The table's indexes are dropped for the insert and built again after it (minutes instead of an hour
# of GIN trigram upkeep row by row); the database is the bench's own.
indexes=$(psql_db -c "select indexdef || ';' from pg_indexes where tablename = 'campaign_customer'
  and indexname not in (select conname from pg_constraint where conrelid = 'campaign_customer'::regclass)")
psql_db -c "select 'drop index ' || string_agg(indexname, ', ') from pg_indexes where tablename = 'campaign_customer'
  and indexname not in (select conname from pg_constraint where conrelid = 'campaign_customer'::regclass)" | psql_db
psql_db <<SQL
insert into campaign_customer (business_id, campaign_id, name, phone, status, progress, held_pause,
    cycle_attempts, total_attempts, business_errors, last_result, added_at)
select $business, $campaign, 'Customer ' || g, '+849' || lpad(g::text, 8, '0'),
       case when g % 4 = 0 then 'RETRY' else 'NEW' end, case when g % 4 = 0 then 'RETRY' else 'NEW' end, false,
       (g % 4 = 0)::int, (g % 4 = 0)::int, 0, case when g % 4 = 0 then 'NOANSWER' end,
       timestamp '2026-01-01' + g * interval '1 millisecond'
  from generate_series(0, $rows - 1) g;
insert into campaign_customer_count (campaign_id, status, classification_id, last_result, slot, customers)
select campaign_id, status, 0, coalesce(last_result, 'NONE'), mod(id, 8), count(*)
  from campaign_customer where campaign_id = $campaign group by campaign_id, status, coalesce(last_result, 'NONE'), mod(id, 8);
set maintenance_work_mem = '512MB';
$indexes
vacuum analyze campaign_customer;
SQL
echo "generated in $(( $(date +%s) - t0 )) s" >&2
"$JAVA_HOME/bin/java" -cp bench/target/classes dev.outdial.bench.CustomerListBench \
  "http://localhost:$port" --existing "$campaign" "$admin" bench-admin-password "$rows"
