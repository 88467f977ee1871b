#!/usr/bin/env python3
"""Issue 18's live-load benchmark, driven by bench/live-load.sh (see there and bench/README.md).

Builds nothing: it is given the server jar. Prepares a PostgreSQL database with BUSINESSES x
CAMPAIGNS running campaigns (progressive and predictive, alternately) of AGENTS agents each, over
CUSTOMERS customers made with generate_series; then, for each node count asked (1, 2), starts the
nodes on the simulated carrier in a fast profile, seats bots through POST /api/v1/sim/agents, lets
them warm up, and measures from the Prometheus scrape and /proc: dial attempts per second, claim
and call-end write latency, CPU of the JVMs and of PostgreSQL. Last, it pauses the campaigns, lets
the calls up end, and sums the audit's violations. Prints Markdown tables; asserts nothing.
"""
import argparse
import base64
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

ADMIN_PASSWORD = "bench-admin-password"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Http:
    def __init__(self, base, user, password):
        self.base = base
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def call(self, method, path, body=None, accept="application/json"):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", self.auth)
        request.add_header("Accept", accept)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for attempt in range(4):
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    text = response.read().decode()
                    return json.loads(text) if accept == "application/json" and text else text
            except urllib.error.HTTPError as failure:
                # A node short of database connections answers a sign-in 401 or a 5xx: asked again
                # (pause, audit and resume are idempotent), the bench keeps its figures.
                if failure.code in (401, 500, 503) and attempt < 3:
                    log(f"{method} {path}: {failure.code}, asking again")
                    time.sleep(5)
                    continue
                raise RuntimeError(f"{method} {path}: {failure.code} {failure.read().decode()[:500]}") from None


class Db:
    def __init__(self, name):
        self.name = name
        self.env = dict(os.environ, PGPASSWORD="outdial")

    def psql(self, sql, database=None):
        result = subprocess.run(["psql", "-h", "localhost", "-U", "outdial", "-d", database or self.name,
                                 "-v", "ON_ERROR_STOP=1", "-qAt"], input=sql, text=True, capture_output=True,
                                env=self.env)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr}\n{sql[:400]}")
        return result.stdout.strip()

    def recreate(self):
        self.psql(f"drop database if exists {self.name} with (force)", "postgres")
        self.psql(f"create database {self.name} owner outdial", "postgres")


class Node:
    """One server process on the bench database."""

    def __init__(self, args, name, port, jar, log_dir):
        self.name, self.port, self.args, self.jar = name, port, args, jar
        self.url = f"http://localhost:{port}"
        self.log_path = os.path.join(log_dir, f"live-load-{name}.log")
        self.process = None

    def start(self):
        self.launch()
        self.wait()

    def launch(self):
        env = dict(os.environ, OUTDIAL_DB_URL=f"jdbc:postgresql://localhost:5432/{self.args.db}",
                   OUTDIAL_DB_USER="outdial", OUTDIAL_DB_PASSWORD="outdial",
                   OUTDIAL_OPERATOR_PASSWORD=self.args.operator_password)
        java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
        command = [java, f"-Xmx{self.args.heap}"]
        if self.args.jfr:
            command.append(f"-XX:StartFlightRecording=filename={os.path.dirname(self.log_path)}/live-load-{self.name}.jfr,"
                           "settings=profile,dumponexit=true")
        command += ["-jar", self.jar, f"--server.port={self.port}", f"--outdial.node-id={self.name}",
                    f"--outdial.telephony.sim.ring-time={self.args.ring}",
                    f"--outdial.telephony.sim.talk-time={self.args.talk}",
                    f"--outdial.telephony.sim.no-answer-timeout={self.args.no_answer}",
                    f"--outdial.telephony.sim.signal-delay={self.args.signal_delay}",
                    f"--outdial.dialing.no-answer-timeout={self.args.no_answer}",
                    f"--outdial.dialing.pacer-lease={self.args.pacer_lease}",
                    f"--spring.datasource.hikari.maximum-pool-size={self.args.pool}",
                    f"--outdial.dialing.engine-threads={self.args.engine_threads}",
                    f"--outdial.events.listener-threads={self.args.listener_threads}"]
        self.process = subprocess.Popen(command, stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT, env=env)

    def wait(self):
        for _ in range(600):
            if self.process.poll() is not None:
                raise RuntimeError(f"node {self.name} stopped; see {self.log_path}")
            if self.answers():
                log(f"node {self.name} up on port {self.port} (pid {self.process.pid})")
                return
            time.sleep(1)
        raise RuntimeError(f"node {self.name} did not come up; see {self.log_path}")

    def answers(self):
        try:
            urllib.request.urlopen(self.url + "/actuator/health", timeout=5).read()
            return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def kill(self):
        """SIGKILL, as a crash or a pulled plug: no shutdown hook, no lease given up, calls left up."""
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def operator(self):
        return Http(self.url, "operator", self.args.operator_password)

    def cpu_seconds(self):
        return process_cpu(self.process.pid)


def process_cpu(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    except (FileNotFoundError, ProcessLookupError):
        return 0.0


def postgres_cpu():
    """CPU seconds of each PostgreSQL process by pid (the server's own: other databases' work included)."""
    seconds = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/comm") as comm:
                    if comm.read().strip() == "postgres":
                        seconds[pid] = process_cpu(pid)
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                pass
    return seconds


def cpu_between(before, after):
    """CPU used between two samples by the processes alive at the second (those new since count whole)."""
    return sum(used - before.get(pid, 0.0) for pid, used in after.items())


def bench_backends_cpu(db):
    """CPU seconds of the PostgreSQL backends serving the bench database right now (its pools)."""
    pids = db.psql(f"select pid from pg_stat_activity where datname = '{db.name}'").split()
    return sum(process_cpu(pid) for pid in pids), set(pids)


def events_waiting(db):
    """Call-end handlers' work not done yet: rows left in the call-end outbox (and, before it, publications
    left in the event publication registry)."""
    return int(db.psql("select (select count(*) from event_publication) + "
                       "coalesce((select count(*) from call_end_outbox where next_try_at is not null), 0)"))


def database_work(db):
    """The bench database's commits and rows written so far (pg_stat_database): its work per attempt."""
    row = db.psql(f"select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_fetched "
                  f"from pg_stat_database where datname = '{db.name}'").split("|")
    return [int(x) for x in row]


def wal_bytes(db):
    """Where the write-ahead log stands, in bytes: the whole server's (other databases' writes count too)."""
    return int(db.psql("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint"))


def table_work(db):
    """Rows each table of the bench database has had inserted, updated (HOT among them) and deleted so far
    (pg_stat_user_tables): which writes an attempt is made of."""
    rows = db.psql("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables")
    work = {}
    for line in rows.splitlines():
        name, *counts = line.split("|")
        work[name] = [int(x) for x in counts]
    return work


def table_work_per_attempt(before, after, placed):
    """Per table, rows inserted / updated (HOT) / deleted per attempt between two table_work samples."""
    per_table = {}
    for name, counts in after.items():
        delta = [b - a for a, b in zip(before.get(name, [0, 0, 0, 0]), counts)]
        if placed and any(delta):
            per_table[name] = [d / placed for d in delta]
    return dict(sorted(per_table.items(), key=lambda item: -(item[1][0] + item[1][1] + item[1][3])))


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? ([0-9.eE+-]+|NaN|\+Inf)$')


def scrape(nodes):
    """Sums over the nodes: placed calls, and each timer's buckets, count and sum."""
    totals = {}
    for node in nodes:
        for line in node.operator().call("GET", "/actuator/prometheus", accept="text/plain").splitlines():
            match = SAMPLE.match(line)
            if not match:
                continue
            name, tags, value = match.group(1), match.group(2) or "", match.group(3)
            if name == "outdial_calls_placed_total":
                key = name
            elif name.startswith(("outdial_customers_claim_seconds", "outdial_customers_record_seconds",
                                  "outdial_calls_end_write_seconds")):
                le = re.search(r'le="([^"]+)"', tags)
                key = (name, le.group(1) if le else None)
            else:
                continue
            totals[key] = totals.get(key, 0.0) + float(value)
    return totals


def quantile(before, after, timer, q):
    """The q-quantile (ms) of the timer's samples between two scrapes, interpolated within its bucket."""
    buckets = sorted((float(key[1]), after[key] - before.get(key, 0)) for key in after
                     if isinstance(key, tuple) and key[0] == timer + "_bucket" and key[1] not in (None, "+Inf"))
    count = after.get((timer + "_count", None), 0) - before.get((timer + "_count", None), 0)
    if count <= 0:
        return None
    rank, previous_le, previous_n = q * count, 0.0, 0.0
    for le, n in buckets:
        if n >= rank:
            share = (rank - previous_n) / (n - previous_n) if n > previous_n else 1.0
            return (previous_le + share * (le - previous_le)) * 1000
        previous_le, previous_n = le, n
    return float("inf")


def mean_ms(before, after, timer):
    count = after.get((timer + "_count", None), 0) - before.get((timer + "_count", None), 0)
    total = after.get((timer + "_sum", None), 0) - before.get((timer + "_sum", None), 0)
    return total / count * 1000 if count else None


def prepare(args, db, jar, log_dir):
    log(f"recreating database {db.name}")
    db.recreate()
    node = Node(args, "setup", args.port, jar, log_dir)
    node.start()
    try:
        operator = node.operator()
        week = {day: [["00:00", "24:00"]] for day in
                ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]}
        tag = f"b{int(time.time())}"
        plan = []
        per_campaign = args.customers // (args.businesses * args.campaigns)
        first = 1
        for b in range(args.businesses):
            admin = f"admin{b}@{tag}.example"
            operator.call("POST", "/api/v1/businesses", {
                "name": f"Load {tag} {b}", "timeZone": "Asia/Ho_Chi_Minh", "defaultCountry": "VN",
                "concurrentCallLimit": args.limit,
                "admin": {"email": admin, "password": ADMIN_PASSWORD, "name": f"Bench admin {b}"}})
            client = Http(node.url, admin, ADMIN_PASSWORD)
            business = int(db.psql(f"select business_id from app_user where username = '{admin}'"))
            hotline = client.call("POST", "/api/v1/hotlines", {"number": f"+84 28 7300 {9000 + b:04d}",
                                                                "name": "Bench", "group": "Bench"})["id"]
            hours = client.call("POST", "/api/v1/working-hours", {"name": "Always", "holidays": [], "week": week})["id"]
            # Agents by SQL (the admin's password hash): bcrypt through the API would cost minutes.
            db.psql(f"""
                insert into app_user (business_id, username, name, password_hash, role, enabled, created_at)
                select {business}, 'agent' || g || '@{tag}-{b}.example', 'Bot ' || g, password_hash, 'AGENT', true, now()
                from app_user, generate_series(1, {args.campaigns * args.agents}) g where username = '{admin}'""")
            agents = [int(x) for x in db.psql(
                f"select id from app_user where business_id = {business} and role = 'AGENT' order by id").split()]
            for c in range(args.campaigns):
                mode = "PROGRESSIVE" if c % 2 == 0 else "PREDICTIVE"
                team = agents[c * args.agents:(c + 1) * args.agents]
                body = {"name": f"{mode.title()} {c}", "dialMode": mode,
                        "startTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3600)),
                        "endTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 30 * 86400)),
                        "hotlineIds": [hotline], "workingHoursId": hours, "agentIds": team, "agentGroupIds": [],
                        "maxCallsPerCustomer": 3, "retryGapMinutes": 60, "wrapUpSeconds": 0}
                if mode == "PREDICTIVE":
                    body.update({"maxAbandonRate": 0.03, "maxWaitSeconds": 8, "agentAnswerTimeoutSeconds": 25,
                                 "maxConcurrentCalls": min(100, 3 * args.agents)})
                campaign = client.call("POST", "/api/v1/campaigns", body)["id"]
                plan.append({"business": business, "admin": admin, "campaign": campaign, "mode": mode,
                             "agents": team, "first": first, "last": first + per_campaign - 1})
                first += per_campaign
        log(f"generating {args.customers:,} customers over {len(plan)} campaigns")
        t0 = time.time()
        for entry in plan:
            db.psql(f"""
                insert into campaign_customer (business_id, campaign_id, name, phone, status, progress, held_pause,
                    cycle_attempts, total_attempts, business_errors, added_at)
                select {entry['business']}, {entry['campaign']}, 'Customer ' || g, '+8490' || lpad(g::text, 8, '0'),
                       'NEW', 'NEW', false, 0, 0, 0, now()
                from generate_series({entry['first']}, {entry['last']}) g;
                insert into campaign_customer_count (campaign_id, status, classification_id, last_result, slot, customers)
                select campaign_id, 'NEW', 0, 'NONE', mod(id, 8), count(*) from campaign_customer
                where campaign_id = {entry['campaign']} group by campaign_id, mod(id, 8);""")
        db.psql("vacuum analyze campaign_customer; analyze campaign_customer_count;")
        log(f"customers generated in {time.time() - t0:.0f} s")
        for entry in plan:
            client = Http(node.url, entry["admin"], ADMIN_PASSWORD)
            client.call("POST", f"/api/v1/campaigns/{entry['campaign']}/approve")
            try:
                client.call("POST", f"/api/v1/campaigns/{entry['campaign']}/start")
            except RuntimeError as already:  # the system's sweep may have started it first
                log(f"start: {already}")
    finally:
        node.stop()
    with open(os.path.join(log_dir, f"live-load-plan-{args.db}.json"), "w") as saved:
        json.dump({"customers": args.customers, "plan": plan}, saved)
    return plan


def seat(nodes, plan, quiet=False):
    """Seats each campaign's bots on whichever node that answers paces its business (the others answer 0; a
    bot already at work there keeps its seat). A node started again under its name renews its leases as
    its own when it comes back before they lapse, so it is asked as soon as it answers."""
    first = next(node for node in nodes if node.answers())
    for entry in plan:  # a run stopped between its pause and its resume left them paused
        client = Http(first.url, entry["admin"], ADMIN_PASSWORD)
        if client.call("GET", f"/api/v1/campaigns/{entry['campaign']}")["status"] == "PAUSED":
            client.call("POST", f"/api/v1/campaigns/{entry['campaign']}/resume")
    deadline = time.time() + 120
    waiting = list(plan)
    while waiting and time.time() < deadline:
        left = []
        up = [node for node in nodes if node.answers()]
        for entry in waiting:
            seated = 0
            for node in up:
                client = Http(node.url, entry["admin"], ADMIN_PASSWORD)
                seated += client.call("POST", "/api/v1/sim/agents", {"campaignId": entry["campaign"],
                                                                     "agentIds": entry["agents"], "wrapUpSeconds": 0})["seated"]
            if seated < len(entry["agents"]):
                left.append(entry)
        waiting = left
        if waiting:
            time.sleep(2)
    if waiting:
        raise RuntimeError(f"{len(waiting)} campaigns found no node running them")
    if not quiet:
        log(f"seated {sum(len(e['agents']) for e in plan)} bots in {len(plan)} campaigns")


def calls_recorded(db):
    """Call records so far: the attempts counted by the database, which a killed node's counters cannot be."""
    return int(db.psql("select count(*) from call_record"))


RESEAT_EVERY = 10


def kill_in_turn(args, nodes, plan, end, loads):
    """The reliability run: every --kill-every seconds a node in turn is killed (SIGKILL) and started again
    under its name; every RESEAT_EVERY seconds, while it starts, each campaign's bots are seated again on
    whichever node that answers paces its business now (the other, once it took the killed node's leases
    over; the restarted one, once up), as agents would sign in again where their business went. Answers the
    number of kills and the node still starting, if any."""
    kills, next_kill, starting = 0, time.time() + args.kill_every, None
    while time.time() < end:
        time.sleep(max(0, min(end, next_kill, time.time() + RESEAT_EVERY) - time.time()))
        loads.append(os.getloadavg()[0])
        if time.time() >= end:
            break
        if starting is not None and starting.answers():
            log(f"node {starting.name} up again")
            starting = None
        if starting is None and time.time() >= next_kill:
            starting = nodes[kills % len(nodes)]
            starting.kill()
            kills += 1
            log(f"killed node {starting.name} (SIGKILL); starting it again")
            starting.launch()
            next_kill = time.time() + args.kill_every
        seat(nodes, plan, quiet=True)
    return kills, starting


def pause_and_audit(nodes, plan, args):
    for entry in plan:
        Http(nodes[0].url, entry["admin"], ADMIN_PASSWORD).call("POST", f"/api/v1/campaigns/{entry['campaign']}/pause")
    # Calls up finish: ring, talk and the no-answer timeout, with room for a loaded machine.
    time.sleep(args.drain_seconds)
    violations, by_rule, calls = 0, {}, 0
    for entry in plan:
        report = Http(nodes[0].url, entry["admin"], ADMIN_PASSWORD).call("GET", f"/api/v1/campaigns/{entry['campaign']}/audit")
        violations += report["violations"]
        calls += report.get("calls", 0)
        for rule in report["rules"]:
            if rule["violations"]:
                by_rule[rule["rule"]] = by_rule.get(rule["rule"], 0) + rule["violations"]
    for entry in plan:
        Http(nodes[0].url, entry["admin"], ADMIN_PASSWORD).call("POST", f"/api/v1/campaigns/{entry['campaign']}/resume")
    return violations, by_rule, calls


def split_leases(db, plan, names):
    """Each business's pacer lease to one of the nodes in turn, before they start: 'spread by the lease'."""
    businesses = sorted({entry["business"] for entry in plan})
    for i, business in enumerate(businesses):
        owner = names[i % len(names)]
        db.psql(f"""
            insert into dialer_lease (business_id, owner, lease_until, epoch) values ({business}, '{owner}',
                now() + interval '15 minutes', 1)
            on conflict (business_id) do update set owner = excluded.owner, lease_until = excluded.lease_until,
                epoch = dialer_lease.epoch + 1""")


def run(args, db, jar, log_dir, plan, count):
    names = [f"n{i + 1}-{int(time.time())}" for i in range(count)]
    split_leases(db, plan, names)
    nodes = [Node(args, name, args.port + 1 + i, jar, log_dir) for i, name in enumerate(names)]
    try:
        for node in nodes:
            node.launch()
        for node in nodes:
            node.wait()
        seat(nodes, plan)
        log(f"warming up {args.warmup_seconds} s")
        time.sleep(args.warmup_seconds)
        load_before = os.getloadavg()
        before, t0 = scrape(nodes), time.time()
        jvm0 = [node.cpu_seconds() for node in nodes]
        pg0 = postgres_cpu()
        backends0, pids0 = bench_backends_cpu(db)
        work0 = database_work(db)
        tables0 = table_work(db)
        wal0 = wal_bytes(db)
        waiting0 = events_waiting(db)
        recorded0 = calls_recorded(db) if args.kill_every else 0  # a count of every call: only where kills need it
        log(f"measuring {args.minutes} min on {count} node(s)")
        per_node_placed0 = [scrape([node]).get("outdial_calls_placed_total", 0) for node in nodes]
        loads = []
        end = t0 + args.minutes * 60
        kills, starting = kill_in_turn(args, nodes, plan, end, loads) if args.kill_every else (0, None)
        while time.time() < end:
            time.sleep(min(30, max(0, end - time.time())))
            loads.append(os.getloadavg()[0])
        # A restarted node's counters began again at zero: with kills the call records count the attempts,
        # and the timers and the JVMs' CPU say nothing.
        after = scrape(nodes) if not kills else {}
        t1 = time.time()
        per_node_placed1 = [scrape([node]).get("outdial_calls_placed_total", 0) for node in nodes] if not kills else []
        jvm1 = [node.cpu_seconds() for node in nodes] if not kills else []
        pg1 = postgres_cpu()
        backends1, pids1 = bench_backends_cpu(db)
        work1 = database_work(db)
        tables1 = table_work(db)
        wal1 = wal_bytes(db)
        waiting1 = events_waiting(db)
        recorded1 = calls_recorded(db) if kills else 0
        if starting is not None:
            starting.wait()
        seconds = t1 - t0
        if kills:
            placed = recorded1 - recorded0
            before, jvm0, per_node_placed0 = {}, [], []
        else:
            placed = after.get("outdial_calls_placed_total", 0) - before.get("outdial_calls_placed_total", 0)
        claim_count = after.get(("outdial_customers_claim_seconds_count", None), 0) \
            - before.get(("outdial_customers_claim_seconds_count", None), 0)
        result = {
            "nodes": count, "seconds": seconds, "attempts_per_s": placed / seconds,
            "per_node": [(b - a) / seconds for a, b in zip(per_node_placed0, per_node_placed1)],
            "claims_per_s": None if kills else claim_count / seconds,
            "claim_p50": quantile(before, after, "outdial_customers_claim_seconds", 0.50),
            "claim_p99": quantile(before, after, "outdial_customers_claim_seconds", 0.99),
            "claim_mean": mean_ms(before, after, "outdial_customers_claim_seconds"),
            "record_p99": quantile(before, after, "outdial_customers_record_seconds", 0.99),
            "end_p50": quantile(before, after, "outdial_calls_end_write_seconds", 0.50),
            "end_p99": quantile(before, after, "outdial_calls_end_write_seconds", 0.99),
            "jvm_cpu": [(b - a) / seconds for a, b in zip(jvm0, jvm1)],
            "pg_cpu": cpu_between(pg0, pg1) / seconds,
            "pg_backends_cpu": (backends1 - backends0) / seconds if pids0 == pids1 else None,
            "events_waiting": (waiting0, waiting1),
            "commits_per_attempt": (work1[0] - work0[0]) / placed if placed else None,
            "rows_written_per_attempt": (work1[1] - work0[1]) / placed if placed else None,
            "rows_fetched_per_attempt": (work1[2] - work0[2]) / placed if placed else None,
            "wal_bytes_per_attempt": (wal1 - wal0) / placed if placed else None,
            "tables_per_attempt": table_work_per_attempt(tables0, tables1, placed),
            "load": (load_before[0], max(loads) if loads else load_before[0]),
            "kills": kills,
        }
        log(json.dumps(result))
        violations, by_rule, calls = pause_and_audit(nodes, plan, args)
        result.update({"violations": violations, "by_rule": by_rule, "audited_calls": calls})
        log(f"audit: {violations} violations {by_rule} over {calls} calls")
        return result
    finally:
        for node in nodes:
            node.stop()


def fmt(value, digits=1):
    return "–" if value is None else f"{value:.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--businesses", type=int, default=10)
    parser.add_argument("--campaigns", type=int, default=4, help="per business, progressive and predictive in turn")
    parser.add_argument("--agents", type=int, default=40, help="bots per campaign")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--warmup-seconds", type=int, default=30)
    parser.add_argument("--drain-seconds", type=int, default=20)
    parser.add_argument("--nodes", default="1,2", help="node counts to run, in order")
    parser.add_argument("--ring", default="1s")
    parser.add_argument("--talk", default="4s")
    parser.add_argument("--no-answer", default="3s")
    parser.add_argument("--signal-delay", default="500ms")
    parser.add_argument("--pacer-lease", default="60s",
                        help="each node's pacer lease: long enough to outlive a starved heartbeat on a loaded machine")
    parser.add_argument("--limit", type=int, default=1000, help="each business's concurrent-call limit")
    parser.add_argument("--pool", type=int, default=10, help="each node's database connections")
    parser.add_argument("--engine-threads", type=int, default=4,
                        help="each node's engine lanes (outdial.dialing.engine-threads): businesses are pinned to one each")
    parser.add_argument("--listener-threads", type=int, default=4,
                        help="each node's call-end listener threads (outdial.events.listener-threads)")
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--db", default="outdial_live_load_bench")
    parser.add_argument("--port", type=int, default=8180)
    parser.add_argument("--reuse", action="store_true", help="keep the database the last run prepared (same sizes)")
    parser.add_argument("--jfr", action="store_true", help="record each node with JFR (bench/live-load-<node>.jfr)")
    parser.add_argument("--kill-every", type=float, default=0,
                        help="the reliability run: kill a node (SIGKILL) in turn every so many seconds of the measured "
                             "minutes and start it again; with --pacer-lease short enough for its businesses to move")
    parser.add_argument("--operator-password", default=os.environ.get("OUTDIAL_OPERATOR_PASSWORD", "bench-operator-password"))
    args = parser.parse_args()
    log_dir = os.path.dirname(os.path.abspath(args.jar)) if False else os.path.join(os.path.dirname(__file__), "target")
    os.makedirs(log_dir, exist_ok=True)
    db = Db(args.db)
    plan_file = os.path.join(log_dir, f"live-load-plan-{args.db}.json")
    if args.reuse and os.path.exists(plan_file):
        with open(plan_file) as saved:
            plan = json.load(saved)["plan"]
        log(f"reusing {args.db}: {len(plan)} campaigns")
    else:
        plan = prepare(args, db, args.jar, log_dir)
    results = [run(args, db, args.jar, log_dir, plan, int(count)) for count in args.nodes.split(",")]

    print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {args.customers:,} customers, "
          f"{args.businesses} businesses x {args.campaigns} campaigns x {args.agents} bots, ring {args.ring}, "
          f"talk {args.talk}, no answer {args.no_answer}, {args.engine_threads} engine threads, {args.listener_threads} listener threads and {args.pool} connections "
          f"a node, {args.minutes} min measured per row\n")
    print("| nodes | attempts/s (per node) | claims/s | claim p50 / p99 / mean (ms) | call-end write p50 / p99 (ms) "
          "| customer write p99 (ms) | JVM CPU (cores) | PostgreSQL CPU (all / bench backends) "
          "| commits / rows written / rows fetched per attempt | listener events waiting (start → end) | load avg | violations |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['nodes']}{' (' + str(r['kills']) + ' killed)' if r['kills'] else ''} | {r['attempts_per_s']:.0f} ({', '.join(f'{x:.0f}' for x in r['per_node']) or '–'}) "
              f"| {fmt(r['claims_per_s'], 0)} | {fmt(r['claim_p50'], 2)} / {fmt(r['claim_p99'], 2)} / {fmt(r['claim_mean'], 2)} "
              f"| {fmt(r['end_p50'], 2)} / {fmt(r['end_p99'], 2)} | {fmt(r['record_p99'], 2)} "
              f"| {' + '.join(f'{x:.2f}' for x in r['jvm_cpu']) or '–'} | {r['pg_cpu']:.2f} / {fmt(r['pg_backends_cpu'], 2)} "
              f"| {fmt(r['commits_per_attempt'])} / {fmt(r['rows_written_per_attempt'])} / {fmt(r['rows_fetched_per_attempt'])} | {r['events_waiting'][0]} → {r['events_waiting'][1]} | {r['load'][0]:.1f}–{r['load'][1]:.1f} | {r['violations']} {r['by_rule'] or ''} |")
    for r in results:
        print(f"\nWAL per attempt (the whole server's): {fmt(r['wal_bytes_per_attempt'], 0)} bytes")
        print(f"rows written per attempt by table, {r['nodes']} node(s): inserted / updated (of them HOT) / deleted")
        for name, (ins, upd, hot, dele) in r["tables_per_attempt"].items():
            print(f"  {name:40s} {ins:6.2f} / {upd:6.2f} ({hot:5.2f}) / {dele:6.2f}")
    if len(results) > 1:
        one = results[0]["attempts_per_s"]
        for r in results[1:]:
            print(f"\n{r['nodes']} nodes: {r['attempts_per_s']:.0f} attempts/s = {r['attempts_per_s'] / one:.2f} x one node "
                  f"(the second node added {r['attempts_per_s'] - one:+.0f}/s)")


if __name__ == "__main__":
    main()
