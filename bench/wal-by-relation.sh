#!/usr/bin/env bash
# Issue 18: which tables and indexes of a database its write-ahead log goes to, over a window of a live run
# (a benchmark helper: it prints, asserts nothing). Run it while bench/live-load.sh measures, as a user who may
# read the server's pg_wal (root or postgres):
#   bench/wal-by-relation.sh DB SECONDS [PLACED_METRIC_URL]
# It notes the log's position, waits SECONDS, notes it again and has pg_waldump sum the records of each
# relation of DB that got any (the whole server's log is read, other databases' records are left out by their
# relation's file). With PLACED_METRIC_URL (a node's /actuator/prometheus, operator credentials in
# OUTDIAL_OPERATOR_AUTH=user:password) it also divides by the calls placed in the window.
set -euo pipefail
db="$1"; seconds="$2"; metrics="${3:-}"
export PGPASSWORD="${PGPASSWORD:-outdial}"
q() { psql -h localhost -U outdial -d "$db" -qAtc "$1"; }
placed() { [ -z "$metrics" ] && echo 0 && return
  curl -s -u "${OUTDIAL_OPERATOR_AUTH:-operator:bench-operator-password}" "$metrics" \
    | awk '/^outdial_calls_placed_total/ {s += $2} END {printf "%d", s}'; }
wal_dir="${PGDATA:-/var/lib/postgresql/15/main}/pg_wal"  # data_directory is for superusers to ask
db_oid=$(q "select oid from pg_database where datname = current_database()")
start=$(q "select pg_current_wal_lsn()"); placed0=$(placed)
sleep "$seconds"
end=$(q "select pg_current_wal_lsn()"); placed1=$(placed)
attempts=$((placed1 - placed0))
total=$(q "select pg_wal_lsn_diff('$end', '$start')::bigint")
echo "WAL $start .. $end: $total bytes (whole server), $attempts calls placed"
# One pass over the window (segments are recycled behind a busy server): each record's whole length, its
# full-page images included, counted to the relation of its first block.
names=$(q "select c.relfilenode || ' ' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relfilenode <> 0")
/usr/lib/postgresql/*/bin/pg_waldump -p "$wal_dir" -s "$start" -e "$end" 2>/dev/null |
awk -v db="/$db_oid/" -v a="$attempts" -v t="$total" -v names="$names" '
  BEGIN { n = split(names, rows, "\n"); for (i = 1; i <= n; i++) { split(rows[i], f, " "); name[f[1]] = f[2] } }
  {
    if (!match($0, /blkref #0: rel [0-9]+\/[0-9]+\/[0-9]+/)) next
    rel = substr($0, RSTART + 15, RLENGTH - 15)
    if (index("/" rel, db) == 0) next
    split(rel, parts, "/"); node = parts[3]
    if (!match($0, /len \(rec\/tot\): +[0-9]+\/ *[0-9]+/)) next
    split(substr($0, RSTART, RLENGTH), len, "/"); split(len[2], rec, ":")
    bytes[node] += len[3] + 0; ours += len[3] + 0; records[node] += rec[2] + 0; ours_records += rec[2] + 0
  }
  END {
    printf "this database: %d bytes (%.1f %% of the server'"'"'s), %d without full-page images%s\n", ours, 100 * ours / t,
           ours_records, (a > 0 ? sprintf("; per attempt %.0f, %.0f without images", ours / a, ours_records / a) : ""); fflush()
    for (node in bytes) printf "%d %d %s\n", records[node], bytes[node], (node in name ? name[node] : "relfilenode_" node) | "sort -rn"
  }' | awk -v a="$attempts" '
  NR == 1 { print; printf "%-40s %s\n", "relation", "bytes/attempt without full-page images (with them)"; next }
  { printf "%-40s %7.0f (%7.0f)\n", $3, (a > 0 ? $1 / a : $1), (a > 0 ? $2 / a : $2) }'
